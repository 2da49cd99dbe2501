package dev.parapet.rails;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Per-text memo shared by every rail that checks the same text in one stage. Costly derived forms
 * (a normalised copy, a token count, a sentence embedding) are computed once, by whichever rail asks
 * first, and reused by the others.
 *
 * <p>Why a memo and not fields: the set of derived forms grows with the rails (the semantic tier adds
 * embeddings, the obfuscation rail adds decoded text) and this class should not change for each.
 */
public final class TextAnalysis {

    /** Names one derived form and its type. Keep keys as constants next to the code that computes them. */
    public record Key<T>(String name, Class<T> type) {}

    private final String text;
    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();

    public TextAnalysis(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Returns the memoised value, computing it from the text on first use. */
    public <T> T get(Key<T> key, Function<String, T> compute) {
        return key.type().cast(values.computeIfAbsent(key, k -> compute.apply(text)));
    }

    /** Stores a value computed elsewhere (for example decoded text found by the obfuscation rail). */
    public <T> void put(Key<T> key, T value) {
        values.put(key, value);
    }

    public <T> T peek(Key<T> key) {
        return key.type().cast(values.get(key));
    }
}
