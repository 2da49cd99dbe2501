package dev.parapet.policy;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Stage;
import dev.parapet.rails.Words;
import dev.parapet.security.RequestContext;
import java.util.List;
import java.util.Objects;

/**
 * Everything a policy may look at for one stage: the findings of the rails, who is asking, and plain
 * statistics of the text (never the text itself, so policies cannot leak it).
 */
public record PolicyInput(Stage stage, List<Finding> findings, RequestContext context, TextStats stats) {

    /** Plain facts about the checked text. {@code language} is an ISO 639-3 code or "und" when unknown. */
    public record TextStats(int characters, int words, int turns, String language) {
        public static TextStats of(String text, int turns) {
            return new TextStats(text.length(), Words.count(text), turns, "und");
        }
    }

    public PolicyInput {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(stats, "stats");
        findings = List.copyOf(findings);
    }
}
