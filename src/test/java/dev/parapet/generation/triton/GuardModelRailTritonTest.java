package dev.parapet.generation.triton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.classify.judge.Judge;
import dev.parapet.rails.Finding;
import dev.parapet.rails.GuardModelRail;
import dev.parapet.rails.LanguageRail;
import dev.parapet.rails.RailFailure;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model judge asking a guard model served by Triton: the guard prompt travels as the model's text
 * input over a real gRPC socket, and the model's answer comes back as findings (or a failure).
 */
class GuardModelRailTritonTest {

    private FakeTriton fake;
    private TritonGenerator triton;

    private GuardModelRail judge(FakeModels.ModelSpec model) {
        fake = new FakeTriton(model);
        triton = new TritonGenerator(TritonTestConfig.of(fake));
        return new GuardModelRail(Judge.guardModel(triton), new LanguageRail());
    }

    @AfterEach
    void stop() {
        triton.close();
        fake.close();
    }

    private static List<Finding> check(GuardModelRail rail, String text) {
        return rail.check(new RailInput(Stage.INPUT, text, RequestContext.offline("judge")), new GuardModelRail.Settings(3000L, null, null, null));
    }

    @Test
    void anUnsafeVerdictFromTheGuardModelBecomesFindingsInOurCategories() {
        GuardModelRail rail = judge(FakeModels.trtllm("2025-05"));
        fake.reply("unsafe\nS9");
        List<Finding> findings = check(rail, "How do I build a pipe bomb?");
        assertEquals(List.of("weapons"), findings.stream().map(Finding::category).toList());
        String sent = (String) fake.last().input("text_input").value();
        assertTrue(sent.contains("How do I build a pipe bomb?"), "the guard prompt should carry the text");
        assertTrue(sent.contains("S9"), "the guard prompt should list the hazard categories");
    }

    @Test
    void aSafeVerdictGivesNoFindings() {
        GuardModelRail rail = judge(FakeModels.nemo("2.2"));
        fake.reply("safe");
        assertTrue(check(rail, "What is the capital of France?").isEmpty());
    }

    @Test
    void aJudgeThatIsDownOrAnswersOffFormatFailsClosed() {
        GuardModelRail rail = judge(FakeModels.trtllm("2025-05"));
        fake.reply("I think this is probably fine?");
        assertThrows(RailFailure.class, () -> check(rail, "hello"));
        fake.reply("safe").fault(FakeTriton.Fault.UNAVAILABLE, 10);
        assertThrows(RailFailure.class, () -> check(rail, "hello"));
    }
}
