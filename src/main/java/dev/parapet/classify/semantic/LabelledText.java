package dev.parapet.classify.semantic;

import java.util.List;
import java.util.Set;

/**
 * One labelled line of a JSONL data file (the QUALITY.md format).
 *
 * @param file the data file, relative to the data folder (for example {@code benign/mbpp.jsonl})
 */
public record LabelledText(String text, String label, List<String> categories, String source, String split, String file) {

    /** Labels on which the guard should intervene. */
    public static final Set<String> POSITIVE = Set.of("toxic", "biased", "unsafe", "jailbreak", "injection");

    public LabelledText {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean positive() {
        return POSITIVE.contains(label);
    }

    public boolean dev() {
        return "dev".equals(split);
    }

    public boolean ours() {
        return source != null && source.contains("(ours)");
    }
}
