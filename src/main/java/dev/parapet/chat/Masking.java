package dev.parapet.chat;

import dev.parapet.rails.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Replaces spans of a text by their labels ({@code [EMAIL]}); overlapping spans merge into the first. */
final class Masking {

    private Masking() {}

    static String apply(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Span s : sorted) {
            if (s.start() < copied) {
                // Overlaps a span already masked; extend past it if it reaches further.
                copied = Math.max(copied, Math.min(s.end(), text.length()));
                continue;
            }
            out.append(text, copied, s.start());
            String label = s.label().isBlank() ? "REDACTED" : s.label().toUpperCase(Locale.ROOT);
            out.append('[').append(label).append(']');
            copied = Math.min(s.end(), text.length());
        }
        out.append(text, copied, text.length());
        return out.toString();
    }
}
