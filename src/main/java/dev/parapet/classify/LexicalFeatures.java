package dev.parapet.classify;

import dev.parapet.rails.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.InvalidFormatException;

/**
 * The features every lexical model was trained on (words and bigrams, the same generators in the same
 * order as {@code TrainClassifiers}), computed once per text and shared by the four models.
 *
 * <p>Why not let each OpenNLP categorizer compute them: it would build the same few hundred feature
 * strings four times per text, which was most of the lexical tier's cost.
 */
public final class LexicalFeatures {

    public static final TextAnalysis.Key<String[]> KEY = new TextAnalysis.Key<>("lexical-features", String[].class);

    private static final FeatureGenerator[] GENERATORS = generators();

    private LexicalFeatures() {}

    /** The generators, in training order. Both are stateless, so one instance serves every thread. */
    public static FeatureGenerator[] generators() {
        try {
            return new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator()};
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String[] of(String[] words) {
        List<String> features = new ArrayList<>(words.length * 2);
        for (FeatureGenerator generator : GENERATORS) {
            features.addAll(generator.extractFeatures(words, Map.of()));
        }
        return features.toArray(new String[0]);
    }

    /** The features of the text being checked, computed once per text and shared across rails. */
    public static String[] of(TextAnalysis analysis) {
        return analysis.get(KEY, text -> of(Tokens.of(analysis).words()));
    }
}
