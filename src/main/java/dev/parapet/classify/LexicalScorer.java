package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import dev.parapet.rails.TextAnalysis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Combines one rail's trained classifier with its lexicon into findings:
 * <ul>
 *   <li>each category with a phrase hit gets one finding at the lexicon's score, with every hit as a span;</li>
 *   <li>the classifier gives one finding at its calibrated score when that reaches {@value #REPORT_FLOOR},
 *       in the category its topic words point at (most hits wins), else in the rail's general category.</li>
 * </ul>
 * With a corroboration floor below 0.5, a classifier score between the floor and 0.5 is raised to 0.5 when
 * the text also contains one of the lexicon's topic words (two weak signals agreeing). Chosen on dev: at
 * 0.4 it lifted acceptable-use recall from 0.85 to 0.89 for +0.7% benign refusals (most of them our own
 * look-alikes, such as "how can I encourage my child to read more?"), so the default configuration leaves it
 * off and {@code rails/strict.yaml} turns it on. Only the acceptable-use rail offers it: jailbreak topics
 * ("summarise", "translate") are too common, and bias topics are group names, so a neutral question about a
 * group ("a short history of Chinese immigration") was flagged.
 *
 * <p>Why report classifier scores below 0.5 at all: a stricter tenant's policy may use a lower threshold;
 * below the floor they are noise and only bloat the audit trail.
 */
public final class LexicalScorer {

    public static final double REPORT_FLOOR = 0.2;
    /** Score of a phrase hit that is quoted, not used: visible to auditors and stricter tenants, blocks nothing by default. */
    public static final double QUOTED_MENTION_SCORE = 0.4;
    /** Highest model score a rail that requires a topic reports when none is named. */
    static final double NO_TOPIC_CAP = 0.45;
    public static final double NO_CORROBORATION = 1.0;
    /** Corroboration floor for the acceptable-use rail where a configuration turns it on, chosen on dev. */
    public static final double CORROBORATE_FROM = 0.4;

    private final String railId;
    private final TextClassifier classifier;
    private final Lexicon lexicon;
    private final String generalCategory;
    private final double corroborateFrom;
    private boolean requireTopic;
    private boolean discountQuotedMentions;
    private double passageLine = Double.NaN;

    /** Without corroboration: only the classifier's own score counts. */
    public LexicalScorer(String railId, TextClassifier classifier, Lexicon lexicon, String generalCategory) {
        this(railId, classifier, lexicon, generalCategory, NO_CORROBORATION);
    }

    /** @param corroborateFrom scores from here up to 0.5 become 0.5 when a topic word is present; 1 disables */
    public LexicalScorer(String railId, TextClassifier classifier, Lexicon lexicon, String generalCategory, double corroborateFrom) {
        this.railId = railId;
        this.classifier = classifier;
        this.lexicon = lexicon;
        this.generalCategory = generalCategory;
        this.corroborateFrom = corroborateFrom;
    }

    /** Model scores count as positive only when the text also names one of the lexicon's topics. */
    public LexicalScorer requiringTopic() {
        this.requireTopic = true;
        return this;
    }

    /**
     * A phrase that is only quoted to be talked about ({@link QuotedMention}) reports its category at
     * {@value #QUOTED_MENTION_SCORE}, below every shipped block line, instead of the phrase's score.
     */
    public LexicalScorer discountingQuotedMentions() {
        this.discountQuotedMentions = true;
        return this;
    }

    /**
     * A text longer than one embedding window is scored by its most suspicious {@link Passages passage}
     * rather than as a whole; that passage's calibrated score counts as the model's operating point (0.5)
     * from {@code passageLine}. Why a line of its own: a document has many passages, and the worst of many
     * ordinary ones sits higher than one short prompt does.
     */
    public LexicalScorer readingLongTextsInPassages(double passageLine) {
        if (!(passageLine > 0 && passageLine < 1)) {
            throw new IllegalArgumentException("passage line must lie in (0, 1)");
        }
        this.passageLine = passageLine;
        return this;
    }

    public List<Finding> score(TextAnalysis analysis, Collection<String> onlyCategories) {
        return score(analysis, onlyCategories, corroborateFrom);
    }

    /** As {@link #score(TextAnalysis, Collection)} with a corroboration floor given per call (a rail setting). */
    public List<Finding> score(TextAnalysis analysis, Collection<String> onlyCategories, double corroborateFrom) {
        Tokens tokens = Tokens.of(analysis);
        Map<String, List<Span>> strong = new LinkedHashMap<>();
        Map<String, Double> strongScore = new LinkedHashMap<>();
        Map<String, List<Span>> topics = new LinkedHashMap<>();
        Boolean actOnIt = null;
        for (Lexicon.Hit hit : lexicon.find(tokens)) {
            if (hit.strong()) {
                double hitScore = hit.score();
                if (discountQuotedMentions && QuotedMention.isQuoted(analysis.text(), hit.span())) {
                    actOnIt = actOnIt != null ? actOnIt : QuotedMention.asksToActOnIt(analysis.text());
                    hitScore = actOnIt ? hitScore : Math.min(hitScore, QUOTED_MENTION_SCORE);
                }
                strong.computeIfAbsent(hit.category(), k -> new ArrayList<>()).add(hit.span());
                strongScore.merge(hit.category(), hitScore, Math::max);
            } else {
                topics.computeIfAbsent(hit.category(), k -> new ArrayList<>()).add(hit.span());
            }
        }
        List<Finding> findings = new ArrayList<>();
        strong.forEach((category, spans) -> {
            if (wanted(category, onlyCategories)) {
                findings.add(new Finding(railId, category, strongScore.get(category), spans, "lexicon:" + lexicon.name()));
            }
        });
        boolean inPassages = !Double.isNaN(passageLine) && Passages.readsInPassages(analysis.text());
        double score = inPassages ? worstPassageScore(tokens) : classifier.scoreFeatures(LexicalFeatures.of(analysis));
        if (score >= corroborateFrom && score < 0.5 && !topics.isEmpty()) {
            // Two weak signals agree: the model leans positive and the text names one of the rail's topics.
            score = 0.5;
        }
        if (requireTopic && topics.isEmpty() && score >= 0.5) {
            // The rail's subject is absent (for bias: no group is named), so the model's lean alone is not
            // enough to call the text positive; it stays visible below the operating point.
            score = NO_TOPIC_CAP;
        }
        if (score >= REPORT_FLOOR) {
            String category = generalCategory;
            List<Span> spans = List.of();
            int best = 0;
            for (Map.Entry<String, List<Span>> e : topics.entrySet()) {
                if (e.getValue().size() > best) {
                    best = e.getValue().size();
                    category = e.getKey();
                    spans = e.getValue();
                }
            }
            if (wanted(category, onlyCategories)) {
                findings.add(new Finding(railId, category, score, spans, modelEvidence(inPassages)));
            } else if (wanted(generalCategory, onlyCategories)) {
                findings.add(new Finding(railId, generalCategory, score, List.of(), modelEvidence(inPassages)));
            }
        }
        return findings;
    }

    private double worstPassageScore(Tokens tokens) {
        double worst = 0;
        for (String[] passage : Passages.of(tokens.words())) {
            worst = Math.max(worst, classifier.scoreFeatures(LexicalFeatures.of(passage)));
        }
        return TextClassifier.calibrate(worst, passageLine);
    }

    private String modelEvidence(boolean inPassages) {
        return "model:" + classifier.name() + (inPassages ? " (worst passage)" : "");
    }

    /**
     * Adds the finding of a pattern detector that works beside the lexicon ({@link GroomingSigns},
     * {@link AddressedToModel}) unless its category is not wanted or a phrase already reported that category
     * at the pattern's score or higher. The detector runs only when its finding could count.
     */
    static void addPatternFinding(List<Finding> findings, Collection<String> only, String railId, String category,
                                  double score, String evidence, Supplier<Optional<Span>> detector) {
        if (!wanted(category, only) || findings.stream().anyMatch(f -> f.category().equals(category) && f.score() >= score)) {
            return;
        }
        detector.get().ifPresent(span -> findings.add(new Finding(railId, category, score, List.of(span), evidence)));
    }

    private static boolean wanted(String category, Collection<String> only) {
        return only.isEmpty() || only.contains(category);
    }
}
