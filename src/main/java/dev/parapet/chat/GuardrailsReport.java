package dev.parapet.chat;

import dev.parapet.policy.Action;
import dev.parapet.policy.Intervention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The guardrails' account of one request across both stages, as the response's {@code guardrails}
 * block reports it.
 *
 * @param output null when the request never reached generation
 */
public record GuardrailsReport(String configName, StageResult input, StageResult output) {

    public Action decision() {
        Action a = input.decision().action();
        return output == null ? a : a.max(output.decision().action());
    }

    public List<Intervention> interventions() {
        List<Intervention> all = new ArrayList<>(input.decision().interventions());
        if (output != null) {
            all.addAll(output.decision().interventions());
        }
        return all;
    }

    public List<String> notices() {
        LinkedHashSet<String> all = new LinkedHashSet<>(input.decision().notices());
        if (output != null) {
            all.addAll(output.decision().notices());
        }
        return List.copyOf(all);
    }

    public List<String> firedRules() {
        List<String> all = new ArrayList<>(input.decision().firedRules());
        if (output != null) {
            all.addAll(output.decision().firedRules());
        }
        return all;
    }

    /** The held-back rails asked for a second opinion at either stage (the guard model), each named once. */
    public List<String> consulted() {
        LinkedHashSet<String> all = new LinkedHashSet<>(input.consulted());
        if (output != null) {
            all.addAll(output.consulted());
        }
        return List.copyOf(all);
    }

    /** The version that made the last decision of this request. */
    public String policyVersion() {
        return output != null ? output.decision().policyVersion() : input.decision().policyVersion();
    }

    public String auditId() {
        return output != null && output.decision().auditId() != null ? output.decision().auditId() : input.decision().auditId();
    }
}
