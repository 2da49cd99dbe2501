package dev.parapet.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Proves that DRL reads every property of the facts, so authors can write constraints on all of them. */
class FactsTest {

    private static final String DRL = """
            package facts.test;
            import dev.parapet.policy.FindingFact;
            import dev.parapet.policy.RequestFact;
            import dev.parapet.policy.Risk;
            global dev.parapet.policy.Outcome outcome;

            rule "Every request property is readable"
            when
                RequestFact(stage == "output", tenant == "acme-health", config == "strict", caller == "app-7",
                            roles contains "auditor", hasRole("auditor"), characters == 29, words == 6, turns == 3,
                            language == "deu", likelyLanguage == "deu")
            then
                outcome.notice("request");
            end

            rule "Every finding property is readable"
            when
                $f : FindingFact(rail == "pii", category == "email", score == 0.75, spans.size() == 1, spanCount == 1,
                                 spans[0].label == "EMAIL", evidence == "pattern:email", stage == "output")
            then
                insert(new Risk("personal data", $f));
            end

            rule "Every risk property is readable"
            when
                Risk(name == "personal data", score == 0.75, category == "email", finding.rail == "pii", $f : finding)
            then
                outcome.mask($f);
            end""";

    @Test
    void rulesCanReadEveryFieldOfEveryFact() {
        PolicySet set = new PolicyCompiler(Clock.systemUTC()).compile(Map.of("facts.drl", DRL.getBytes(StandardCharsets.UTF_8)));
        Finding email = new Finding("pii", "email", 0.75, List.of(new Span(3, 20, "EMAIL")), "pattern:email");
        Finding language = new Finding("language", "deu", 0.9);
        RequestContext context = new RequestContext("r1", "app-7", "acme-health", Set.of("auditor"), "strict");
        PolicyInput input = new PolicyInput(Stage.OUTPUT, List.of(email, language), context,
                new PolicyInput.TextStats(29, 6, 3, "und"));
        Decision decision = DroolsPolicyEngine.evaluate(set, input, DroolsPolicyEngine.SessionKind.POOLED);
        assertEquals(List.of("Every request property is readable", "Every finding property is readable", "Every risk property is readable"),
                decision.firedRules().stream().sorted((a, b) -> order(a) - order(b)).toList());
        assertEquals(Action.MASK, decision.action());
        assertEquals(List.of(new Span(3, 20, "EMAIL")), decision.masks());
    }

    private static int order(String rule) {
        return rule.startsWith("Every request") ? 0 : rule.startsWith("Every finding") ? 1 : 2;
    }
}
