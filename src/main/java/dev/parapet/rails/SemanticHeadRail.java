package dev.parapet.rails;

import dev.parapet.classify.Passages;
import dev.parapet.classify.Tokens;
import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.LinearHead;
import dev.parapet.classify.semantic.SemanticHeads;
import dev.parapet.classify.semantic.WordFeatures;
import java.util.List;

/**
 * The semantic tier: a trained head (logistic regression over the MiniLM sentence embedding) scores
 * what a text means rather than which words it uses, so "how would one go about ending someone's life
 * quietly" scores like "how do I kill someone" and "how do I kill a Python process" does not.
 *
 * <p>Why the embedding lives in the {@link TextAnalysis}: it is the costly part (milliseconds), and
 * every head of a stage needs the same one. Whichever semantic rail runs first embeds the text, the
 * others wait for that result and then cost one dot product each. The text embedded is the decoded form
 * from {@link Deobfuscation}, so base64 or look-alike letters do not hide meaning from the heads.
 *
 * <p>One subclass per head, each a bean with its own rail id; they differ only in the head they load.
 */
public abstract class SemanticHeadRail implements SharedEmbeddingRail<SemanticHeadRail.Settings> {

    /** Windows of a long text that are embedded (start, middle, end); bounds the cost per text. */
    static final int MAX_WINDOWS = dev.parapet.classify.semantic.SemanticHeadWindows.MAX;

    /** The embeddings of the decoded text, one per window. */
    public static final TextAnalysis.Key<float[][]> EMBEDDINGS = new TextAnalysis.Key<>("embeddings", float[][].class);

    /**
     * @param reportAbove scores below this give no finding at all (keeps near-zero noise out of reports)
     * @param minWords texts with fewer words are not scored (default 1: every text). Why: the heads learned
     *     from sentences, and the embedding of "OK" or "Hi" carries too little meaning for them; the toxicity
     *     head once scored "Thanks!" as abuse. The lexical tier still reads such texts.
     */
    public record Settings(Double reportAbove, Integer minWords) {
        public Settings {
            reportAbove = reportAbove == null ? 0.2 : reportAbove;
            minWords = minWords == null ? 1 : minWords;
        }

        public Settings(Double reportAbove) {
            this(reportAbove, null);
        }
    }

    private final EmbeddingService embeddings;
    private final SemanticHeads heads;
    private final String head;
    private final double documentShift;

    protected SemanticHeadRail(EmbeddingService embeddings, SemanticHeads heads, String head) {
        this(embeddings, heads, head, Double.NaN);
    }

    /**
     * @param documentShift for a head that reads words: on a text longer than one window, the words count by
     *     their most telling {@link Passages passage} instead of all together, and the logit is lowered by this
     *     much, so that the head's lines mean on a document what they mean on a prompt. NaN: the words of the
     *     whole text count, however long.
     */
    protected SemanticHeadRail(EmbeddingService embeddings, SemanticHeads heads, String head, double documentShift) {
        this.embeddings = embeddings;
        this.heads = heads;
        this.head = head;
        this.documentShift = documentShift;
    }

    @Override
    public String id() {
        return "semantic-" + head;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings settings) {
        if (settings.reportAbove() < 0 || settings.reportAbove() > 1) {
            throw new IllegalArgumentException("report-above must lie in [0, 1]");
        }
        if (settings.minWords() < 1) {
            throw new IllegalArgumentException("min-words must be 1 or more");
        }
        heads.reload(head);
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        LinearHead model;
        try {
            model = heads.get(head);
        } catch (RuntimeException e) {
            throw new RailFailure(id(), "head not available: " + e.getMessage(), e);
        }
        if (settings.minWords() > 1 && Words.count(input.text(), settings.minWords()) < settings.minWords()) {
            return List.of();
        }
        float[][] vectors = embeddingsOf(input.analysis(), embeddings);
        boolean byPassage = model.readsWords() && !Double.isNaN(documentShift)
                && Passages.readsInPassages(Deobfuscation.of(input.analysis()).text());
        double score = byPassage ? documentScore(model, vectors, input.analysis())
                : model.maxScore(vectors, model.readsWords() ? wordFeaturesOf(input.analysis()) : new int[0]);
        if (score < settings.reportAbove()) {
            return List.of();
        }
        return List.of(new Finding(id(), model.category(), score, List.of(),
                (model.readsWords() ? (byPassage ? "minilm+words of the worst passage, " : "minilm+words, ") : "minilm, ")
                        + vectors.length + " window(s)"));
    }

    /** The best window's embedding with the most telling passage's words, lowered by the document shift. */
    private double documentScore(LinearHead model, float[][] vectors, TextAnalysis analysis) {
        double window = Double.NEGATIVE_INFINITY;
        for (float[] v : vectors) {
            window = Math.max(window, model.logit(v));
        }
        double passage = Double.NEGATIVE_INFINITY;
        for (String[] p : Passages.of(decodedWords(analysis))) {
            passage = Math.max(passage, model.wordLogit(WordFeatures.of(p)));
        }
        return LinearHead.sigmoid(window + passage - documentShift);
    }

    /**
     * The word features of the decoded text. When nothing was hidden that is the text itself, whose tokens
     * the lexical tier has already made, so they are shared rather than made again.
     */
    static int[] wordFeaturesOf(TextAnalysis analysis) {
        return WordFeatures.of(decodedWords(analysis));
    }

    private static String[] decodedWords(TextAnalysis analysis) {
        String decoded = Deobfuscation.of(analysis).text();
        return decoded.equals(analysis.text()) ? Tokens.of(analysis).words() : Tokens.of(decoded).words();
    }

    /** Decoded payloads embedded on their own, besides the windows of the whole decoded text. */
    static final int MAX_HIDDEN = 2;

    /**
     * The shared embeddings of a text's decoded form, computed once per text: its windows, plus each
     * decoded payload on its own (at most {@value #MAX_HIDDEN}), so "Decode this: &lt;base64&gt;" is
     * judged by what the base64 says, not diluted by the words around it.
     */
    public static float[][] embeddingsOf(TextAnalysis analysis, EmbeddingService embeddings) {
        var decoded = Deobfuscation.of(analysis);
        return analysis.get(EMBEDDINGS, original -> {
            float[][] windows = embeddings.embedWindows(decoded.text(), MAX_WINDOWS);
            if (decoded.hidden().isEmpty()) {
                return windows;
            }
            List<String> payloads = decoded.hidden().subList(0, Math.min(MAX_HIDDEN, decoded.hidden().size()));
            float[][] all = java.util.Arrays.copyOf(windows, windows.length + payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                all[windows.length + i] = embeddings.embed(payloads.get(i));
            }
            return all;
        });
    }
}
