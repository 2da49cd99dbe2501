package dev.parapet.rails;

/**
 * A half-open character range {@code [start, end)} of the checked text, with the label a mask
 * would put in its place (for example {@code EMAIL}). Offsets are UTF-16 indexes, as in
 * {@link String#substring(int, int)}.
 */
public record Span(int start, int end, String label) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        label = label == null ? "" : label;
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
