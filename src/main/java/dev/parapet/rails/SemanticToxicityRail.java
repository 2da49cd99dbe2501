package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import jakarta.enterprise.context.ApplicationScoped;

/** Semantic tier: the {@code toxicity} head over the shared sentence embedding (see {@link SemanticHeadRail}). */
@ApplicationScoped
public class SemanticToxicityRail extends SemanticHeadRail {

    public static final String HEAD = "toxicity";

    public SemanticToxicityRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD);
    }
}
