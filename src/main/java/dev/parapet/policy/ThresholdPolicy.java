package dev.parapet.policy;

import dev.parapet.rails.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in decision until the Drools policy engine lands (and is then removed, not kept beside it):
 * block when any finding scores at or above {@value #THRESHOLD}; otherwise allow. Findings of rails that
 * report facts rather than harms ({@code language}) never block.
 */
@ApplicationScoped
public class ThresholdPolicy implements PolicyEngine {

    static final double THRESHOLD = 0.5;
    /** Rails whose findings are facts for policies (a language code), not measures of harm. */
    static final java.util.Set<String> FACT_RAILS = java.util.Set.of("language");
    static final String RULE = "Block any finding that scores at least 0.5 (built-in stand-in policy)";

    @Override
    public Decision decide(PolicyInput input) {
        List<Intervention> interventions = new ArrayList<>();
        for (Finding f : input.findings()) {
            if (f.score() >= THRESHOLD && !FACT_RAILS.contains(f.rail())) {
                interventions.add(new Intervention(input.stage(), f.rail(), f.category(), f.score(), Action.BLOCK, RULE));
            }
        }
        if (interventions.isEmpty()) {
            return Decision.allow(input.stage(), version());
        }
        String category = interventions.get(0).category().replace('_', ' ');
        String message = "I can't help with that. This request was refused by the content policy (" + category + ").";
        return new Decision(input.stage(), Action.BLOCK, true, message, List.of(), List.of(), List.of(RULE),
                interventions, version(), null);
    }

    @Override
    public String version() {
        return "builtin-threshold-0.5";
    }
}
