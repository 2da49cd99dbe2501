package dev.parapet.rails;

import java.util.List;
import java.util.Objects;

/**
 * What one rail measured in one text: a category, a score in [0, 1] and where in the text it saw it.
 * A finding is evidence, never a verdict; the policy decides what to do with it.
 *
 * @param rail the id of the rail that produced it
 * @param category what was measured, in the rail's vocabulary (for example {@code weapons}, {@code email})
 * @param score confidence in [0, 1]
 * @param spans where in the checked text; may be empty for whole-text measures
 * @param evidence a short, non-sensitive explanation (a list name, a pattern id); never the matched text
 */
public record Finding(String rail, String category, double score, List<Span> spans, String evidence) {

    public Finding {
        Objects.requireNonNull(rail, "rail");
        Objects.requireNonNull(category, "category");
        spans = spans == null ? List.of() : List.copyOf(spans);
        evidence = evidence == null ? "" : evidence;
    }

    public Finding(String rail, String category, double score) {
        this(rail, category, score, List.of(), "");
    }
}
