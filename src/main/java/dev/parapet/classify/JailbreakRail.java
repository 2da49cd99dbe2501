package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures attempts to override the model's instructions: role-play overrides, "ignore previous instructions", adversarial suffixes and instructions hidden inside documents.
 *
 * <p>Lexical tier: a trained OpenNLP categorizer (words and bigrams, see {@code classifiers/manifest.json})
 * scores the whole text, or a pasted document by its most suspicious passage ({@link Passages}); phrases we wrote ({@code classifiers/lexicons/jailbreak.yaml}) add findings with spans, and
 * {@link AddressedToModel} adds {@code prompt_injection} for an order to an AI reader planted in carried content.
 */
@ApplicationScoped
public class JailbreakRail implements Rail<JailbreakRail.Settings> {

    public static final String ID = "jailbreak";
    public static final String GENERAL = "jailbreak";
    static final String INJECTION = "prompt_injection";
    /** Every category this rail reports (docs/categories.md). */
    public static final List<String> CATEGORIES = List.of("jailbreak", "prompt_injection");

    /** @param categories report only these categories; empty reports all */
    public record Settings(List<String> categories) {
        public Settings {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * A pasted document is judged by its most suspicious passage ({@link Passages}), which counts as the
     * model's operating point from a calibrated 0.7 rather than 0.5. Chosen on our documents (dev, round 28:
     * 160 harmless, 80 with an instruction planted for the AI), together with the semantic head's line for
     * documents ({@code SemanticJailbreakRail}); see classifiers/README.md.
     */
    static final double PASSAGE_LINE = 0.7;

    private final LexicalScorer scorer;
    private final AdversarialSuffix suffix = new AdversarialSuffix();

    @Inject
    public JailbreakRail(LexicalModels models) {
        this(models.classifier(ID), models.lexicon(ID));
    }

    public JailbreakRail(TextClassifier classifier, Lexicon lexicon) {
        RailCategories.requireKnown(ID, lexicon.categories(), CATEGORIES);
        // "What does 'ignore previous instructions' mean?" asks about an attack; only a used phrase is one.
        this.scorer = new LexicalScorer(ID, classifier, lexicon, GENERAL).discountingQuotedMentions()
                .readingLongTextsInPassages(PASSAGE_LINE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings settings) {
        RailCategories.requireKnown(ID, settings.categories(), CATEGORIES);
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        List<Finding> findings = new ArrayList<>(scorer.score(input.analysis(), settings.categories()));
        AdversarialSuffix.Result tail = suffix.measure(input.text());
        if (tail.score() >= LexicalScorer.REPORT_FLOOR && (settings.categories().isEmpty() || settings.categories().contains(GENERAL))) {
            findings.add(new Finding(ID, GENERAL, tail.score(), List.of(tail.span()), "heuristic:adversarial-suffix"));
        }
        LexicalScorer.addPatternFinding(findings, settings.categories(), ID, INJECTION, AddressedToModel.SCORE, "pattern:addressed-to-model",
                () -> AddressedToModel.find(input.analysis().text(), Tokens.of(input.analysis())));
        return findings;
    }
}
