package dev.parapet.chat;

import dev.parapet.policy.Decision;
import dev.parapet.rails.Finding;
import java.util.List;

/**
 * What one stage measured and what the policy decided about it.
 *
 * @param consulted the rails held back for a second opinion ({@code when: asked}) that the policy asked
 *                  and that ran, such as the guard model; their findings are among {@code findings}
 */
public record StageResult(List<Finding> findings, Decision decision, List<String> consulted) {
    public StageResult {
        findings = List.copyOf(findings);
        consulted = consulted == null ? List.of() : List.copyOf(consulted);
    }

    /** A stage decided without a second opinion. */
    public StageResult(List<Finding> findings, Decision decision) {
        this(findings, decision, List.of());
    }
}
