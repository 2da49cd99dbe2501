package dev.parapet.chat;

import dev.parapet.policy.Decision;
import dev.parapet.rails.Finding;
import java.util.List;

/** What one stage measured and what the policy decided about it. */
public record StageResult(List<Finding> findings, Decision decision) {
    public StageResult {
        findings = List.copyOf(findings);
    }
}
