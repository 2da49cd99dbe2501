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
     * this much: logit(0.999) - logit(0.7), so a document reaches the injection line (0.7) where its score read
     * the same way would reach 0.999. Why: a passage of ordinary prose that talks about assistants,
     * administrators and instructions weighs as much as a short attack does; the instruction planted for an AI
     * stands out by more. First chosen on our documents (dev, round 28) as logit(0.998) - logit(0.8) with the
     * lexical model's passage line ({@code JailbreakRail}). With the head retrained on round 30 and its line at
     * 0.7, every shift from 4.8 up decides round 28 (and held-out round 25) the same, since the lexical
     * passage score already catches what the head would; from 6.06 the head alone no longer blocks the
     * harmless handbook page our tests hold (0.82 at 4.83). See classifiers/README.md.
     */
    static final double DOCUMENT_SHIFT = 6.06;

    public SemanticJailbreakRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD, DOCUMENT_SHIFT);
    }
}
