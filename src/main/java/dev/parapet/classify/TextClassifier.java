package dev.parapet.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.ml.model.MaxentModel;

/**
 * One trained OpenNLP document categorizer with two outcomes ({@value #POSITIVE} and {@value #NEGATIVE})
 * and its operating point, turning tokens into a calibrated score.
 *
 * <p>Calibration: the raw probability of {@value #POSITIVE} is mapped piecewise-linearly so that the
 * operating point chosen on the dev split lands on 0.5 (0 stays 0, 1 stays 1). Policies can then compare
 * every lexical score against 0.5 by default, and a stricter tenant's lower threshold still means
 * "more recall than the tuned point". Thread-safe: the categorizer keeps no state between calls.
 */
public final class TextClassifier {

    public static final String POSITIVE = "positive";
    public static final String NEGATIVE = "negative";

    private final String name;
    private final DocumentCategorizerME categorizer;
    private final MaxentModel maxent;
    private final int positiveIndex;
    private final double threshold;

    public TextClassifier(String name, DoccatModel model, double threshold) {
        this.name = Objects.requireNonNull(name, "name");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("operating point of '" + name + "' must lie in (0, 1), not " + threshold);
        }
        this.categorizer = new DocumentCategorizerME(model);
        this.maxent = model.getMaxentModel();
        this.positiveIndex = maxent.getIndex(POSITIVE);
        if (positiveIndex < 0) {
            throw new IllegalArgumentException("model '" + name + "' has no '" + POSITIVE + "' outcome");
        }
        this.threshold = threshold;
    }

    public static TextClassifier load(String name, Path file, double threshold) {
        try (InputStream in = Files.newInputStream(file)) {
            return new TextClassifier(name, new DoccatModel(in), threshold);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier '" + name + "' from " + file, e);
        }
    }

    public String name() {
        return name;
    }

    public double threshold() {
        return threshold;
    }

    /** Uncalibrated probability of the positive outcome, letting OpenNLP compute the features from words. */
    public double probability(String[] words) {
        if (words.length == 0) {
            return 0.0;
        }
        return categorizer.categorize(words)[positiveIndex];
    }

    /** Uncalibrated probability from features already computed by {@link LexicalFeatures} (same result, shared work). */
    public double probabilityOfFeatures(String[] features) {
        if (features.length == 0) {
            return 0.0;
        }
        return maxent.eval(features)[positiveIndex];
    }

    /** Calibrated score: at least 0.5 exactly when the probability reaches the operating point. */
    public double score(String[] words) {
        return calibrate(probability(words), threshold);
    }

    /** Calibrated score from shared features; what the rails call. */
    public double scoreFeatures(String[] features) {
        return calibrate(probabilityOfFeatures(features), threshold);
    }

    static double calibrate(double p, double threshold) {
        double s = p < threshold ? 0.5 * p / threshold : 0.5 + 0.5 * (p - threshold) / (1 - threshold);
        return Math.max(0.0, Math.min(1.0, s));
    }
}
