package dev.parapet.classify.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Window embeddings of training and evaluation texts, keyed by a SHA-256 of the text and kept in a file
 * under {@code target/} between runs, so re-tuning a head does not embed thousands of texts again. Holds
 * hashes and vectors only, never text.
 */
public final class EmbeddingCache {

    private final Path file;
    private final Map<String, float[][]> vectors = new ConcurrentHashMap<>();

    public EmbeddingCache(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            load();
        }
    }

    /** Embeds every text not yet cached, on {@code threads} threads, and returns them all in order. */
    public float[][][] embedAll(List<String> texts, EmbeddingService service, int maxWindows, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[][]>> pending = texts.stream()
                    .map(t -> pool.submit(() -> vectors.computeIfAbsent(key(t), k -> service.embedWindows(t, maxWindows))))
                    .toList();
            float[][][] out = new float[texts.size()][][];
            for (int i = 0; i < out.length; i++) {
                out[i] = pending.get(i).get();
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                for (Map.Entry<String, float[][]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float[] v : e.getValue()) {
                        out.writeInt(v.length);
                        for (float x : v) {
                            out.writeFloat(x);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String key;
                try {
                    key = in.readUTF();
                } catch (EOFException end) {
                    return;
                }
                float[][] windows = new float[in.readInt()][];
                for (int w = 0; w < windows.length; w++) {
                    windows[w] = new float[in.readInt()];
                    for (int i = 0; i < windows[w].length; i++) {
                        windows[w][i] = in.readFloat();
                    }
                }
                vectors.put(key, windows);
            }
        } catch (IOException e) {
            vectors.clear(); // a damaged cache is only a slower run
        }
    }

    static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
