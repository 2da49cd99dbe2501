package dev.parapet.policy;

import dev.parapet.rails.Span;
import dev.parapet.rails.Stage;
import java.util.List;
import java.util.Objects;

/**
 * The policy's answer for one stage of one request.
 *
 * @param action the strongest action any rule took
 * @param refused whether the user gets a refusal instead of the text (always for BLOCK; ESCALATE may go either way)
 * @param message what the user sees when refused; empty otherwise
 * @param masks spans of the checked text to replace by their labels (MASK)
 * @param notices texts added for the user (NOTICE)
 * @param firedRules names of every rule that fired, in firing order
 * @param policyVersion the version of the policy set that decided (content hash and load time)
 * @param auditId the audit record of this decision; null until it has been written
 * @param asked rails the rules asked for a second opinion ({@code outcome.ask}); after a first decision
 *              that does not refuse, the orchestrator runs them and decides again, once
 */
public record Decision(Stage stage, Action action, boolean refused, String message, List<Span> masks,
                       List<String> notices, List<String> firedRules, List<Intervention> interventions,
                       String policyVersion, String auditId, List<String> asked) {

    public Decision {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(action, "action");
        message = message == null ? "" : message;
        masks = masks == null ? List.of() : List.copyOf(masks);
        notices = notices == null ? List.of() : List.copyOf(notices);
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
        asked = asked == null ? List.of() : List.copyOf(asked);
        if (action == Action.BLOCK && !refused) {
            throw new IllegalArgumentException("a BLOCK decision must refuse");
        }
    }

    public static Decision allow(Stage stage, String policyVersion) {
        return new Decision(stage, Action.ALLOW, false, "", List.of(), List.of(), List.of(), List.of(), policyVersion, null, List.of());
    }

    /** Whether the rules asked for an opinion that could still change this decision. */
    public boolean awaitsAnswers() {
        return !refused && !asked.isEmpty();
    }

    public Decision withAuditId(String id) {
        return new Decision(stage, action, refused, message, masks, notices, firedRules, interventions, policyVersion, id, asked);
    }
}
