package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import jakarta.inject.Singleton;

/**
 * Semantic tier: the {@code jailbreak} head over the shared sentence embedding (see {@link SemanticHeadRail}).
 * A {@code @Singleton}, not {@code @ApplicationScoped}: a client proxy would need a no-args constructor,
 * which the shared base class does not have.
 */
@Singleton
public class SemanticJailbreakRail extends SemanticHeadRail {

    public static final String HEAD = "jailbreak";

    public SemanticJailbreakRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD);
    }
}
