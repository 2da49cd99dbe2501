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

    /**
     * On a pasted document the head reads the words of its most telling passage, and its logit is lowered by
     * this much: logit(0.998) - logit(0.8), so a document reaches the injection line (0.8) where its score
     * read the same way would reach 0.998. Why: a passage of ordinary prose that talks about assistants,
     * administrators and instructions weighs as much as a short attack does; the instruction planted for an AI
     * stands out by more. Chosen on our documents (dev, round 28) with the lexical model's passage line
     * ({@code JailbreakRail}); see classifiers/README.md.
     */
    static final double DOCUMENT_SHIFT = 4.83;

    public SemanticJailbreakRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD, DOCUMENT_SHIFT);
    }
}
