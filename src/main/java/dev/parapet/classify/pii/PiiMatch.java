package dev.parapet.classify.pii;

/**
 * One piece of personal data found in a text: {@code [start, end)} in UTF-16 offsets.
 *
 * @param score how sure the detector is (a checksum-valid card scores higher than a bare phone pattern)
 * @param evidence which pattern matched (for example {@code aws-access-key}); never the matched text
 */
public record PiiMatch(PiiKind kind, int start, int end, double score, String evidence) {

    public PiiMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad match [" + start + ", " + end + ")");
        }
    }

    public boolean overlaps(PiiMatch other) {
        return start < other.end && other.start < end;
    }
}
