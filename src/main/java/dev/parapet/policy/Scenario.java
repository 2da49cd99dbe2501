package dev.parapet.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import java.util.List;
import java.util.Set;

/**
 * One file of policy scenarios ({@code policies/tests/*.yaml}): cases that state a text or a set of
 * findings plus context, and the decision the policy set must take. Unknown keys fail the load, so
 * a misspelt expectation cannot pass silently.
 */
public record Scenario(String description, List<Case> cases) {

    public Scenario {
        description = description == null ? "" : description;
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /**
     * One case. Either {@code text} (run through the rails of {@code config}) or {@code findings}.
     *
     * @param stage {@code input} (default) or {@code output}
     * @param tenant defaults to {@code default}
     * @param config the guard configuration (rails/NAME.yaml), defaults to {@code default}
     * @param language ISO 639-3 code of the text, {@code und} when not given
     * @param turns user turns in the conversation, 1 when not given
     */
    public record Case(String name, String stage, String tenant, String config, Set<String> roles, String language,
                       Integer turns, String text, List<FindingSpec> findings, Expect expect) {
        public Case {
            stage = stage == null ? "input" : stage;
            findings = findings == null ? List.of() : List.copyOf(findings);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            language = language == null ? "und" : language;
            turns = turns == null ? 1 : turns;
        }
    }

    /** A finding as a case states it; {@code spans} are {@code {start, end, label}}. */
    public record FindingSpec(String rail, String category, double score, List<Span> spans, String evidence) {
        public Finding toFinding() {
            return new Finding(rail, category, score, spans, evidence);
        }
    }

    /**
     * What must come out. Only what is given is checked.
     *
     * @param decision allow, notice, mask, escalate or block
     * @param fired rules that must be among those that fired (exact names)
     * @param notFired rules that must not fire
     * @param messageContains a piece of the message the user sees when refused
     * @param masks the labels of the masked spans, in any order
     * @param notices how many notices the user gets
     */
    public record Expect(String decision, Boolean refused, List<String> fired,
                         @JsonProperty("not-fired") List<String> notFired,
                         @JsonProperty("message-contains") String messageContains,
                         List<String> masks, Integer notices) {
        public Expect {
            fired = fired == null ? List.of() : List.copyOf(fired);
            notFired = notFired == null ? List.of() : List.copyOf(notFired);
        }
    }
}
