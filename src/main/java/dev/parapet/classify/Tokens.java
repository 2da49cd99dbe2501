package dev.parapet.classify;

import dev.parapet.rails.TextAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The word tokens every lexical classifier sees: runs of letters and digits, lower-cased, at most
 * {@value #MAX_TOKENS} of them. Training and checking must tokenise identically, so both call {@link #of}.
 *
 * <p>Why so plain: the models are bags of words and bigrams; a learned tokenizer would cost more than the
 * whole lexical tier's budget (1 ms per 1,000 characters) and buy little for this vocabulary.
 */
public final class Tokens {

    private final String[] words;
    private final int[] starts;
    private final int[] ends;


    /** Shared by every lexical rail checking the same text, so it is tokenised once. */
    public static final TextAnalysis.Key<Tokens> KEY = new TextAnalysis.Key<>("lexical-tokens", Tokens.class);

    /** Long jailbreak templates run to thousands of words; their start says enough and the budget is fixed. */
    public static final int MAX_TOKENS = 1200;

    private Tokens(String[] words, int[] starts, int[] ends) {
        this.words = words;
        this.starts = starts;
        this.ends = ends;
    }

    /** The lower-cased words, in order. The array is shared: do not modify it. */
    public String[] words() {
        return words;
    }

    public int size() {
        return words.length;
    }

    public String word(int i) {
        return words[i];
    }

    /** Offset in the original text where word {@code i} starts. */
    public int start(int i) {
        return starts[i];
    }

    /** Offset in the original text just after word {@code i}. */
    public int end(int i) {
        return ends[i];
    }

    public static Tokens of(String text) {
        List<String> tokens = new ArrayList<>(Math.min(MAX_TOKENS, text.length() / 4 + 4));
        int[] starts = new int[16];
        int[] ends = new int[16];
        int i = 0;
        int n = text.length();
        while (i < n && tokens.size() < MAX_TOKENS) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                if (!Character.isLetterOrDigit(c) && !(c == '\'' && i > start && i + 1 < n && Character.isLetter(text.charAt(i + 1)))) {
                    break;
                }
                i += Character.charCount(c);
            }
            if (tokens.size() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[tokens.size()] = start;
            ends[tokens.size()] = i;
            tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        }
        int count = tokens.size();
        return new Tokens(tokens.toArray(new String[0]), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /** The tokens of the text being checked, computed once per text and shared across rails. */
    public static Tokens of(TextAnalysis analysis) {
        return analysis.get(KEY, Tokens::of);
    }
}
