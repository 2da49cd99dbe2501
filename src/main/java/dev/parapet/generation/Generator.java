package dev.parapet.generation;

import io.smallrye.mutiny.Multi;

/**
 * Produces a reply for a rendered prompt. Knows nothing of rails or policies: everything it returns is
 * unchecked, and the chat stage runs the output rails over it before any of it reaches a client.
 *
 * <p>Failures are {@link GenerationException} subclasses, each with its own meaning for the client
 * (unavailable, timed out, model error, overloaded).
 */
public interface Generator {

    /** Backend name as in {@code parapet.generation.backend}. */
    String id();

    /** Generates the whole reply. Blocking; called on a worker thread. */
    GenerationResult generate(GenerationRequest request);

    /** Streams the reply as deltas. Fails the stream with a {@link GenerationException}. */
    Multi<GenerationChunk> stream(GenerationRequest request);

    /** Whether the backend can take requests now; the reason says why not. */
    default Readiness readiness() {
        return Readiness.READY;
    }

    record Readiness(boolean ready, String reason) {
        public static final Readiness READY = new Readiness(true, "ready");
    }
}
