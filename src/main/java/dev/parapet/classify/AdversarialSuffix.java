package dev.parapet.classify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.rails.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Heuristic for optimised adversarial suffixes (GCG-style): the last line of a prompt ends in a run of
 * chunks that mix letters with brackets and symbols or glue words together in camelCase, which fluent
 * requests and ordinary code questions rarely do.
 *
 * <p>Measured on the training data (see the jailbreak report): at the 0.5 score it flags only a minority
 * of GCG suffixes, at about 0.2% of benign prompts. It is a weak, cheap signal; the semantic tier is meant
 * to carry adversarial suffixes. Tweet artefacts (hashtags, mentions, links, HTML entities) are not counted, and
 * a last line that is well-formed JSON is data, not a suffix.
 */
public final class AdversarialSuffix {

    /** How many trailing chunks are examined; GCG suffixes are about twenty tokens long. */
    static final int WINDOW = 20;
    static final int MIN_CHUNKS = 8;
    /** Odd-chunk ratio that maps to a score of 0.5. */
    static final double RATIO_AT_HALF = 0.4;

    private static final Pattern CAMEL = Pattern.compile("[a-z]{2,}[A-Z][a-z]");
    private static final Pattern TWEET = Pattern.compile("[#@]\\w+[.,:!?]*");
    /** Trailing tokens fail: "{} ]]( describing.\\ similarlyNow" is a suffix behind an empty object, not data. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String SYMBOLS = "[]{}()<>$\\@#%^*=|~`_/;:\"+";

    /** A score in [0, 1] and the span of the examined tail; the score is 0 when the text is too short to judge. */
    public record Result(double score, Span span) {}

    public Result measure(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        List<int[]> chunks = new ArrayList<>();
        int i = end;
        while (i > lineStart && chunks.size() < WINDOW) {
            int chunkEnd = i;
            while (i > lineStart && !Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            chunks.add(new int[] {i, chunkEnd});
            while (i > lineStart && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
        }
        if (chunks.size() < MIN_CHUNKS) {
            return new Result(0.0, null);
        }
        int odd = 0;
        for (int[] c : chunks) {
            if (isOdd(text.substring(c[0], c[1]))) {
                odd++;
            }
        }
        double ratio = (double) odd / chunks.size();
        double score = Math.min(1.0, 0.5 * ratio / RATIO_AT_HALF);
        if (score > 0 && isJson(text.substring(lineStart, end))) {
            // Pasted data ("Convert this JSON to a CSV table: [{"name": "Oslo", ...}]") is all brackets and quotes
            // too, but an optimised suffix is never well-formed JSON.
            return new Result(0.0, null);
        }
        return new Result(score, new Span(chunks.get(chunks.size() - 1)[0], end, "ADVERSARIAL_SUFFIX"));
    }

    private static boolean isJson(String tail) {
        String line = tail.strip();
        char first = line.charAt(0);
        if (first != '{' && first != '[') {
            return false;
        }
        try {
            JSON.readTree(line);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isOdd(String chunk) {
        if (TWEET.matcher(chunk).matches() || chunk.startsWith("http") || chunk.contains("&#") || chunk.contains("&amp")
                || chunk.contains("&lt") || chunk.contains("&gt")) {
            return false;
        }
        int letters = 0;
        int symbols = 0;
        for (int k = 0; k < chunk.length(); k++) {
            char c = chunk.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                symbols++;
            }
        }
        return (letters > 0 && symbols > 0) || symbols >= 2 || CAMEL.matcher(chunk).find();
    }
}
