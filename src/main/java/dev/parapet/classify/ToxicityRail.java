package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Measures toxic language: insults, threats, harassment, hate, sexual content, self-harm and graphic violence.
 *
 * <p>Lexical tier: a trained OpenNLP categorizer (words and bigrams, see {@code classifiers/manifest.json})
 * scores the whole text; phrases we wrote ({@code classifiers/lexicons/toxicity.yaml}) add findings with spans.
 */
@ApplicationScoped
public class ToxicityRail implements Rail<ToxicityRail.Settings> {

    public static final String ID = "toxicity";
    public static final String GENERAL = "toxic";
    /** Every category this rail reports (docs/categories.md). */
    public static final List<String> CATEGORIES = List.of("toxic", "insult", "threat", "harassment", "hate", "sexual", "self_harm", "violence", "distress");

    /** @param categories report only these categories; empty reports all */
    public record Settings(List<String> categories) {
        public Settings {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    private final LexicalScorer scorer;

    @Inject
    public ToxicityRail(LexicalModels models) {
        this(models.classifier(ID), models.lexicon(ID));
    }

    public ToxicityRail(TextClassifier classifier, Lexicon lexicon) {
        RailCategories.requireKnown(ID, lexicon.categories(), CATEGORIES);
        this.scorer = new LexicalScorer(ID, classifier, lexicon, GENERAL);
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
        // "He wrote '...' under my video, how do I report it?": the quote is not the user's own language.
        return ReportedSpeech.score(scorer, input, settings.categories());
    }
}
