package dev.parapet.classify.semantic;

import dev.parapet.classify.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The words and word pairs of a text as hashed feature indices, for the word part of a semantic head
 * (see {@link LinearHead}): every distinct token and every pair of neighbouring tokens from
 * {@link Tokens}, hashed with CRC-32 into {@value #BUCKETS} buckets.
 *
 * <p>Why beside the embedding: MiniLM's sentence vector is mostly topic, so "how do I pick a lock" and
 * "how do locks get picked in heist films" sit close together. The words that carry intent ("how do
 * I", "without", "step by step", "my neighbour's") are each weak, but a weight per word learned in the
 * same training run as the hidden layer corrects the embedding where it blurs. Hashing keeps the model a
 * fixed size with no vocabulary to store; a collision only shares one weight between two rare words.
 */
public final class WordFeatures {

    public static final int BUCKETS = 1 << 16;

    private WordFeatures() {}

    /** The distinct bucket indices of the text's tokens and token pairs, sorted. */
    public static int[] of(String text) {
        return of(Tokens.of(text).words());
    }

    /** As {@link #of(String)}, from tokens already made (the lexical tier's, shared per text). */
    public static int[] of(String[] words) {
        int[] out = new int[words.length * 2];
        int n = 0;
        for (int i = 0; i < words.length; i++) {
            out[n++] = bucket(words[i]);
            if (i + 1 < words.length) {
                out[n++] = bucket(words[i] + ' ' + words[i + 1]);
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    static int bucket(String feature) {
        CRC32 crc = new CRC32();
        crc.update(feature.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }
}
