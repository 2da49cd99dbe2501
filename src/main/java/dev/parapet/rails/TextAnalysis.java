package dev.parapet.rails;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    /**
     * One task per key. Why tasks and not {@code computeIfAbsent(key, compute)}: a computation that asks for
     * another form (the lexical features ask for the tokens) would update the map from inside its own
     * update, which {@link ConcurrentHashMap} refuses with "Recursive update" whenever the two keys share a
     * bin, so at random. Creating the task inside {@code computeIfAbsent} is cheap and never recursive, and
     * running it outside still computes each form once: a second rail asking meanwhile waits for the first.
     */
    private final Map<Key<?>, FutureTask<Object>> values = new ConcurrentHashMap<>();

    public TextAnalysis(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Returns the memoised value, computing it from the text on first use. */
    public <T> T get(Key<T> key, Function<String, T> compute) {
        FutureTask<Object> task = values.computeIfAbsent(key, k -> new FutureTask<>(() -> compute.apply(text)));
        task.run(); // does nothing when the task has run or is running on another thread
        return key.type().cast(result(task));
    }

    /** Stores a value computed elsewhere (for example decoded text found by the obfuscation rail). */
    public <T> void put(Key<T> key, T value) {
        FutureTask<Object> done = new FutureTask<>(() -> value);
        done.run();
        values.put(key, done);
    }

    public <T> T peek(Key<T> key) {
        FutureTask<Object> task = values.get(key);
        return task == null || !task.isDone() ? null : key.type().cast(result(task));
    }

    private static Object result(FutureTask<Object> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another rail computed this text's analysis", e);
        }
    }
}
