package dev.parapet.classify.eval;

import java.util.List;
import java.util.Set;

/**
 * One labelled text from a JSONL file ({@code {"text","label","categories","source","split"}}).
 *
 * @param file where it came from, relative to its root (for example {@code benign/mbpp.jsonl} or {@code ours/benign.jsonl})
 * @param group the file's folder for public data, or its name for ours ({@code toxicity}, {@code benign}, ...)
 * @param ours whether the Parapet team wrote it ({@code source} is {@value #OURS})
 */
public record LabelledRow(String text, String label, List<String> categories, String source, String split,
                          String file, String group, boolean ours) {

    public static final String OURS = "parapet-team";

    /** Labels the guard should intervene on (QUALITY.md). */
    public static final Set<String> POSITIVE_LABELS = Set.of("toxic", "biased", "unsafe", "jailbreak", "injection");
    /** Labels it should let pass. */
    public static final Set<String> NEGATIVE_LABELS = Set.of("ok", "safe", "benign");

    public LabelledRow {
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (!POSITIVE_LABELS.contains(label) && !NEGATIVE_LABELS.contains(label)) {
            throw new IllegalArgumentException("unknown label '" + label + "' in " + file);
        }
    }

    public boolean positive() {
        return POSITIVE_LABELS.contains(label);
    }
}
