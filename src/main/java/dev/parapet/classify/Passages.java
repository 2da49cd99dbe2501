package dev.parapet.classify;

import dev.parapet.classify.semantic.TextWindows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Overlapping runs of words ({@value #WORDS} words, starting every {@value #STEP}) of a text longer than one
 * embedding window: the unit in which the injection rails read a pasted document.
 *
 * <p>Why: the injection models learned from prompts of a few dozen words. Over a whole document they add up
 * the evidence of hundreds of words, so a handbook that mentions "system prompt", "administrator" and
 * "ignore" scores like an attack, while one planted sentence among ordinary paragraphs is diluted. Read a
 * passage at a time, the planted sentence is a short text again, and the score of the most suspicious
 * passage is what the document is judged by. On our documents (dev, round 28) the lexical model's score of
 * the worst passage separated harmless from injected documents where its score of the whole did not:
 * medians 0.47 against 0.73, where whole-text scores overlapped from 0.2 to 0.8.
 */
public final class Passages {

    public static final int WORDS = 80;
    public static final int STEP = WORDS / 2;

    private Passages() {}

    /** Whether a text is read passage by passage: when it is longer than one embedding window. */
    public static boolean readsInPassages(String text) {
        return text.length() > TextWindows.SINGLE_WINDOW_LIMIT;
    }

    /** The passages of {@code words}; one, the words themselves, when there are at most {@value #WORDS}. */
    public static List<String[]> of(String[] words) {
        if (words.length <= WORDS) {
            return List.<String[]>of(words);
        }
        List<String[]> passages = new ArrayList<>(words.length / STEP + 1);
        for (int from = 0; ; from += STEP) {
            int to = Math.min(words.length, from + WORDS);
            passages.add(Arrays.copyOfRange(words, from, to));
            if (to == words.length) {
                return passages;
            }
        }
    }
}
