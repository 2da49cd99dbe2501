package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Measures requests the Llama 3 Acceptable Use Policy forbids, by AUP category ({@code unsafe} when the model cannot tell which).
 *
 * <p>Lexical tier: a trained OpenNLP categorizer (words and bigrams, see {@code classifiers/manifest.json})
 * scores the whole text; phrases we wrote ({@code classifiers/lexicons/acceptable-use.yaml}) add findings with spans,
 * and {@link GroomingSigns} adds {@code child_safety} for an adult seeking secrecy with, or access to, a child.
 * The lexicon's {@code evasion} phrases ("without getting caught") report a cue, not a harm.
 */
@ApplicationScoped
public class AcceptableUseRail implements Rail<AcceptableUseRail.Settings> {

    public static final String ID = "acceptable-use";
    public static final String GENERAL = "unsafe";
    static final String CHILD_SAFETY = "child_safety";
    /** A request to go unnoticed, untraced or uncaught: a cue, not a harm (see {@link #cueCategories()}). */
    public static final String EVASION = "evasion";
    /** Every category this rail reports (docs/categories.md). */
    public static final List<String> CATEGORIES = List.of("violence_terrorism", "child_safety", "trafficking_sexual_exploitation", "sexual_solicitation",
            "other_crime", "harassment", "discrimination", "professional_advice", "privacy", "ip_infringement", "malware",
            "weapons", "illegal_drugs", "self_harm", "fraud_disinformation", "defamation", "impersonation", "spam", "unsafe", EVASION);

    /**
     * @param categories report only these categories; empty reports all
     * @param corroborateFrom model scores from here up to 0.5 count as 0.5 when the text names one of the
     *        lexicon's topics (see {@link LexicalScorer}); default 1 (off), {@value LexicalScorer#CORROBORATE_FROM}
     *        in {@code rails/strict.yaml}: more recall, more benign refusals
     */
    public record Settings(List<String> categories, Double corroborateFrom) {
        public Settings {
            categories = categories == null ? List.of() : List.copyOf(categories);
            corroborateFrom = corroborateFrom == null ? LexicalScorer.NO_CORROBORATION : corroborateFrom;
        }

        public Settings(List<String> categories) {
            this(categories, null);
        }
    }

    private final LexicalScorer scorer;

    @Inject
    public AcceptableUseRail(LexicalModels models) {
        this(models.classifier(ID), models.lexicon(ID));
    }

    public AcceptableUseRail(TextClassifier classifier, Lexicon lexicon) {
        RailCategories.requireKnown(ID, lexicon.categories(), CATEGORIES);
        this.scorer = new LexicalScorer(ID, classifier, lexicon, GENERAL);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Evasion wording names no harm: hide-and-seek and hiding a poisoning share it, so only the policy may weigh it. */
    @Override
    public Set<String> cueCategories() {
        return Set.of(EVASION);
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings settings) {
        RailCategories.requireKnown(ID, settings.categories(), CATEGORIES);
        if (!(settings.corroborateFrom() >= 0 && settings.corroborateFrom() <= 1)) {
            throw new IllegalArgumentException("'corroborate-from' must lie in [0, 1]");
        }
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        List<Finding> findings = new ArrayList<>(scorer.score(input.analysis(), settings.categories(), settings.corroborateFrom()));
        LexicalScorer.addPatternFinding(findings, settings.categories(), ID, CHILD_SAFETY, GroomingSigns.SCORE, "pattern:grooming-signs",
                () -> GroomingSigns.find(input.analysis().text(), Tokens.of(input.analysis())));
        return findings;
    }
}
