package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import jakarta.inject.Singleton;

/**
 * Semantic tier: the {@code toxicity} head over the shared sentence embedding (see {@link SemanticHeadRail}).
 * A {@code @Singleton}, not {@code @ApplicationScoped}: a client proxy would need a no-args constructor,
 * which the shared base class does not have.
 */
@Singleton
public class SemanticToxicityRail extends SemanticHeadRail {

    public static final String HEAD = "toxicity";

    public SemanticToxicityRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD);
    }
}
