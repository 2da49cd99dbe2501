package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import jakarta.enterprise.context.ApplicationScoped;

/** Semantic tier: the {@code acceptable-use} head over the shared sentence embedding (see {@link SemanticHeadRail}). */
@ApplicationScoped
public class SemanticAcceptableUseRail extends SemanticHeadRail {

    public static final String HEAD = "acceptable-use";

    public SemanticAcceptableUseRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD);
    }
}
