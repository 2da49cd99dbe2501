package dev.parapet.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DroolsPolicyEngineTest {

    /** One rule per action, each triggered by a finding of the category named like the action. */
    private static final String EACH_ACTION = """
            package precedence.test;
            import dev.parapet.policy.FindingFact;
            global dev.parapet.policy.Outcome outcome;

            rule "Allow anything marked allow"
            when FindingFact(category == "allow") then outcome.allow(); end
            rule "Notice anything marked notice"
            when $f : FindingFact(category == "notice") then outcome.notice($f, "a notice"); end
            rule "Mask anything marked mask"
            when $f : FindingFact(category == "mask") then outcome.mask($f); end
            rule "Escalate anything marked escalate"
            when $f : FindingFact(category == "escalate") then outcome.escalate($f, "look"); end
            rule "Block anything marked block, first message"
            when $f : FindingFact(category == "block") then outcome.block($f, "first"); end
            rule "Block anything marked block, second message"
            when $f : FindingFact(category == "block") then outcome.block($f, "second"); end
            rule "Block anything marked louder"
            when $f : FindingFact(category == "louder") then outcome.block($f, "louder"); end""";

    private static final PolicyCompiler COMPILER = new PolicyCompiler(Clock.systemUTC());
    private static final PolicySet EACH = COMPILER.compile(Map.of("each.drl", EACH_ACTION.getBytes(StandardCharsets.UTF_8)));

    private static Finding finding(String category, double score, Span... spans) {
        return new Finding("test", category, score, List.of(spans), "");
    }

    private static Decision decide(PolicySet set, Stage stage, Finding... findings) {
        PolicyInput input = new PolicyInput(stage, List.of(findings), RequestContext.offline("default"),
                new PolicyInput.TextStats(10, 2, 1, "und"));
        return DroolsPolicyEngine.evaluate(set, input, DroolsPolicyEngine.SessionKind.POOLED);
    }

    @Test
    void strongestActionWinsInTheDocumentedOrder() {
        String[] order = {"allow", "notice", "mask", "escalate", "block"};
        for (int strongest = 0; strongest < order.length; strongest++) {
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i <= strongest; i++) {
                findings.add(finding(order[i], 0.9, new Span(i, i + 1, order[i].toUpperCase())));
            }
            Collections.reverse(findings);
            Decision d = decide(EACH, Stage.INPUT, findings.toArray(Finding[]::new));
            assertEquals(Action.fromWire(order[strongest]), d.action(), "with " + findings);
        }
    }

    @Test
    void masksAreTheSpansOfFindingsAMaskRuleActedOn() {
        Decision d = decide(EACH, Stage.INPUT,
                finding("mask", 0.9, new Span(0, 5, "EMAIL"), new Span(10, 15, "EMAIL")),
                finding("notice", 0.9, new Span(20, 25, "PHONE")));
        assertEquals(Action.MASK, d.action());
        assertFalse(d.refused());
        assertEquals(List.of(new Span(0, 5, "EMAIL"), new Span(10, 15, "EMAIL")), d.masks());
        assertEquals(List.of("a notice"), d.notices());
    }

    @Test
    void aRefusalShowsOneMessageChosenTheSameWayWhateverTheFiringOrder() {
        Decision a = decide(EACH, Stage.INPUT, finding("block", 0.7), finding("louder", 0.9));
        Decision b = decide(EACH, Stage.INPUT, finding("louder", 0.9), finding("block", 0.7));
        assertEquals("louder", a.message());
        assertEquals("louder", b.message());
        // Same score: the rule name that sorts first gives the message.
        Decision tie = decide(EACH, Stage.INPUT, finding("block", 0.7));
        assertEquals("first", tie.message());
        assertTrue(tie.refused());
        assertEquals(List.of(), tie.masks());
    }

    @Test
    void everyDecisionNamesTheRulesThatFiredAndCarriesTheVersion() {
        Decision d = decide(EACH, Stage.OUTPUT, finding("escalate", 0.6));
        assertEquals(List.of("Escalate anything marked escalate"), d.firedRules());
        assertEquals(EACH.version(), d.policyVersion());
        assertTrue(d.policyVersion().matches("[0-9a-f]{12}@\\d{4}-.+Z"), d.policyVersion());
        assertEquals(1, d.interventions().size());
        assertEquals("Escalate anything marked escalate", d.interventions().get(0).rule());
        assertEquals(Action.ESCALATE, d.interventions().get(0).action());
    }

    @Test
    void statelessAndStatefulSessionsDecideAlike() {
        PolicySet defaults = COMPILER.compile(PolicyCompiler.read(Path.of("policies")));
        PolicyInput input = new PolicyInput(Stage.INPUT, List.of(
                new Finding("pii", "email", 0.99, List.of(new Span(0, 10, "EMAIL")), ""),
                new Finding("jailbreak", "jailbreak", 0.6),
                new Finding("acceptable-use", "professional_advice", 0.5)),
                RequestContext.offline("default"), new PolicyInput.TextStats(40, 8, 1, "und"));
        Decision stateful = DroolsPolicyEngine.evaluate(defaults, input, DroolsPolicyEngine.SessionKind.POOLED);
        Decision stateless = DroolsPolicyEngine.evaluate(defaults, input, DroolsPolicyEngine.SessionKind.STATELESS);
        Decision fresh = DroolsPolicyEngine.evaluate(defaults, input, DroolsPolicyEngine.SessionKind.FRESH);
        assertEquals(Action.ESCALATE, stateful.action());
        assertEquals(stateful, fresh);
        assertEquals(stateful.action(), stateless.action());
        assertEquals(stateful.masks(), stateless.masks());
        assertEquals(stateful.notices(), stateless.notices());
        assertEquals(stateful.firedRules().stream().sorted().toList(), stateless.firedRules().stream().sorted().toList());
    }

    @Test
    void aPooledSessionForgetsTheFactsOfTheDecisionBefore() {
        for (int i = 0; i < 20; i++) {
            assertEquals(Action.BLOCK, decide(EACH, Stage.INPUT, finding("block", 0.9)).action());
            Decision next = decide(EACH, Stage.INPUT, finding("notice", 0.9));
            assertEquals(Action.NOTICE, next.action());
            assertEquals(List.of("Notice anything marked notice"), next.firedRules());
        }
    }

    @Test
    void failsClosedWithoutAPolicyAndOnALoopingRule() {
        DroolsPolicyEngine engine = new DroolsPolicyEngine();
        PolicyInput input = new PolicyInput(Stage.INPUT, List.of(), RequestContext.offline("default"),
                new PolicyInput.TextStats(0, 0, 1, "und"));
        assertThrows(PolicyFailure.class, () -> engine.decide(input));
        PolicySet looping = COMPILER.compile(Map.of("loop.drl", """
                package loop.test;
                import dev.parapet.policy.RequestFact;
                global dev.parapet.policy.Outcome outcome;
                rule "Loop forever"
                when $r : RequestFact() then update($r); end""".getBytes(StandardCharsets.UTF_8)));
        engine.swap(looping);
        assertThrows(PolicyFailure.class, () -> engine.decide(input));
    }
}
