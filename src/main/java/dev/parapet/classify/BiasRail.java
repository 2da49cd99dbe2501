package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Measures bias: stereotyping or demeaning generalisations about protected groups.
 *
 * <p>Lexical tier: a trained OpenNLP categorizer (words and bigrams, see {@code classifiers/manifest.json})
 * scores the whole text; phrases we wrote ({@code classifiers/lexicons/bias.yaml}) add findings with spans.
 */
@ApplicationScoped
public class BiasRail implements Rail<BiasRail.Settings> {

    public static final String ID = "bias";
    public static final String GENERAL = "stereotype";
    /** Every category this rail reports (docs/categories.md). */
    public static final List<String> CATEGORIES = List.of("stereotype");

    /** @param categories report only these categories; empty reports all */
    public record Settings(List<String> categories) {
        public Settings {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    private final LexicalScorer scorer;

    @Inject
    public BiasRail(LexicalModels models) {
        this(models.classifier(ID), models.lexicon(ID));
    }

    public BiasRail(TextClassifier classifier, Lexicon lexicon) {
        RailCategories.requireKnown(ID, lexicon.categories(), CATEGORIES);
        // A stereotype is about a group: without one named, the model's lean on sweeping language
        // ("chemistry is a wonderful subject") must not count as bias.
        this.scorer = new LexicalScorer(ID, classifier, lexicon, GENERAL).requiringTopic();
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
