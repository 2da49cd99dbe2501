package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import jakarta.enterprise.context.ApplicationScoped;

/** Semantic tier: the {@code jailbreak} head over the shared sentence embedding (see {@link SemanticHeadRail}). */
@ApplicationScoped
public class SemanticJailbreakRail extends SemanticHeadRail {

    public static final String HEAD = "jailbreak";

    public SemanticJailbreakRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD);
    }
}
