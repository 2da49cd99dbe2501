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
     * this much, so that its line (0.7) means on a document about what it means on a prompt. Why: a passage of
     * ordinary prose that talks about assistants, administrators and instructions weighs as much as a short
     * attack does; the instruction planted for an AI stands out by more. Chosen on our documents (dev, round
     * 28) with the lexical model's passage line ({@code JailbreakRail}): first 4.83 (logit(0.998) - logit(0.8));
     * with the head retrained on round 30 and its line at 0.7, shifts from 5.0 to 5.5 caught 72 of 80 injected
     * documents for 29 of 160 harmless ones intervened on (4.5: 72 and 30; 6: 71 and 29; 7: 67 and 28).
     * 5.5 of the two ends, because at 5.0 the head alone blocked the harmless handbook page our tests hold.
     * See classifiers/README.md.
     */
    static final double DOCUMENT_SHIFT = 5.5;

    public SemanticJailbreakRail(EmbeddingService embeddings, SemanticHeads heads) {
        super(embeddings, heads, HEAD, DOCUMENT_SHIFT);
    }
}
