package dev.parapet.classify.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sentence embeddings from the in-process MiniLM-L6-v2 ONNX model (384 dimensions, unit length). One
 * instance per process: the model is loaded and warmed at start-up (the first call costs about two
 * seconds), so no request pays for it.
 *
 * <p>Why windows: MiniLM reads at most 256 word pieces and a longer input is averaged into a blur. A
 * long text is embedded as a few windows of about {@value TextWindows#WINDOW_CHARS} characters
 * instead (see {@link TextWindows}), and a head scores each and keeps the highest.
 *
 * <p>Windows seen recently are not embedded again ({@link RecentEmbeddings}; the system prompt a chat
 * application repeats with every request is the common case). Size it with the JVM system property
 * {@code parapet.semantic.cache-entries} (default {@value #DEFAULT_CACHE_ENTRIES}; 0 turns it off).
 */
// @Singleton, not @ApplicationScoped: a normal-scoped bean gets a client proxy that runs this public
// no-argument constructor too, which loaded the ONNX model a second time at start-up.
@Startup
@Singleton
public class EmbeddingService {

    public static final int DIMENSION = 384;
    public static final int DEFAULT_CACHE_ENTRIES = 1024;
    // Not io.quarkus.logging.Log: training and benchmarks use this class outside Quarkus.
    private static final Logger LOG = Logger.getLogger(EmbeddingService.class);

    private final EmbeddingModel model;
    private final RecentEmbeddings recent;

    public EmbeddingService() {
        this(Integer.getInteger("parapet.semantic.cache-entries", DEFAULT_CACHE_ENTRIES));
    }

    /** With the configured ONNX threads ({@code parapet.semantic.onnx-threads}) and this many cached windows. */
    public EmbeddingService(int cacheEntries) {
        this(Integer.getInteger("parapet.semantic.onnx-threads", 1), cacheEntries);
    }

    /**
     * @param onnxThreads ONNX Runtime threads per inference (0: one per core); see {@link MiniLmModel}
     * @param cacheEntries how many recent windows keep their embedding; 0 embeds every window every time
     */
    public EmbeddingService(int onnxThreads, int cacheEntries) {
        long started = System.nanoTime();
        this.recent = new RecentEmbeddings(cacheEntries);
        this.model = new MiniLmModel(onnxThreads);
        embed("warm up the embedding model");
        LOG.infof("Embedding model all-MiniLM-L6-v2 ready in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The unit-length embedding of one text (empty text allowed). */
    public float[] embed(String text) {
        float[] vector = model.embed(text.isEmpty() ? " " : text).content().vector();
        if (vector.length != DIMENSION) {
            throw new IllegalStateException("embedding has " + vector.length + " dimensions, expected " + DIMENSION);
        }
        return normalised(vector);
    }

    /** One embedding per window of the text, at most {@code maxWindows}; recently seen windows come from the cache. */
    public float[][] embedWindows(String text, int maxWindows) {
        List<String> windows = TextWindows.of(text, maxWindows);
        float[][] vectors = new float[windows.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = recent.embedding(windows.get(i), this::embed);
        }
        return vectors;
    }

    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0 || Math.abs(norm - 1) < 1e-4) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
