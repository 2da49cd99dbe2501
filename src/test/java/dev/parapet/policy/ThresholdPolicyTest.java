package dev.parapet.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdPolicyTest {

    private final ThresholdPolicy policy = new ThresholdPolicy();

    private Action decide(Finding... findings) {
        return policy.decide(new PolicyInput(Stage.INPUT, List.of(findings), RequestContext.offline("test"),
                new PolicyInput.TextStats(10, 2, 1, "eng"))).action();
    }

    @Test
    void aConfidentLanguageFindingIsAFactNotAHarm() {
        assertEquals(Action.ALLOW, decide(new Finding("language", "eng", 0.97)));
    }

    @Test
    void anyOtherFindingAtTheThresholdBlocks() {
        assertEquals(Action.BLOCK, decide(new Finding("language", "eng", 0.97), new Finding("pii", "email", 0.95)));
    }
}
