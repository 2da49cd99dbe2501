package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import jakarta.inject.Singleton;

/**
 * Semantic tier: the {@code acceptable-use} head over the shared sentence embedding (see {@link SemanticHeadRail}).
 * A {@code @Singleton}, not {@code @ApplicationScoped}: a client proxy would need a no-args constructor,
 * which the shared base class does not have.
 */
@Singleton
public class SemanticAcceptableUseRail extends SemanticHeadRail {

    public static final String HEAD = "acceptable-use";

    public SemanticAcceptableUseRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD);
    }
}
