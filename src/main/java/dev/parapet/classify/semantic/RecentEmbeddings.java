package dev.parapet.classify.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The embeddings of the most recently seen windows, at most {@code capacity} of them, least recently used
 * out first. Why: a chat application sends the same system prompt with every request, and the guard
 * checks system and user messages as one text, so the first window of a long conversation is the same
 * text again and again; at 10-30 ms an embedding, not computing it twice is the cheapest speed-up there is.
 *
 * <p>Keys are SHA-256 digests of the window, not the window itself, so the cache holds no prompt text.
 * An entry costs about 1.6 KB (384 floats and the digest): the default 1,024 entries take under 2 MB.
 */
final class RecentEmbeddings {

    private final int capacity;
    private final Map<String, float[]> entries;

    RecentEmbeddings(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > RecentEmbeddings.this.capacity;
            }
        };
    }

    /**
     * The embedding of {@code window}: the cached one, or {@code embed}'s, which is then kept. The model runs
     * outside the lock, so two threads may embed the same new window at once; both get equal vectors.
     */
    float[] embedding(String window, Function<String, float[]> embed) {
        if (capacity == 0) {
            return embed.apply(window);
        }
        String key = digest(window);
        float[] cached = byKey(key);
        if (cached != null) {
            return cached;
        }
        float[] vector = embed.apply(window);
        keep(key, vector);
        return vector;
    }

    /** The cached embedding of {@code window}, or null. */
    float[] get(String window) {
        return capacity == 0 ? null : byKey(digest(window));
    }

    void put(String window, float[] embedding) {
        if (capacity > 0) {
            keep(digest(window), embedding);
        }
    }

    private float[] byKey(String key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    private void keep(String key, float[] embedding) {
        synchronized (entries) {
            entries.put(key, embedding);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String digest(String window) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(window.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
