package dev.parapet.rails;

/**
 * A rail that reads the sentence embedding of the text, which all such rails of a stage share through
 * the {@link TextAnalysis} ({@link SemanticHeadRail#embeddingsOf}): costly for whichever runs first (the
 * embedding takes milliseconds), a dot product or a short scan for the others, so the pipeline runs them
 * in turn on the request's thread ({@link RailPipeline}).
 */
public interface SharedEmbeddingRail<S extends Record> extends Rail<S> {

    @Override
    default boolean costly() {
        return true;
    }

    @Override
    default boolean sharesCostlyWork() {
        return true;
    }
}
