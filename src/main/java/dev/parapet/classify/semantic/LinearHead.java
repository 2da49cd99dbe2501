package dev.parapet.classify.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A classifier head over a sentence embedding: either logistic regression, score = sigmoid(w · x + b),
 * or with one ReLU hidden layer, score = sigmoid(w · relu(H x + c) + b), optionally plus a word part:
 * one learned weight per hashed word and word pair of the text ({@link WordFeatures}), added to the
 * logit. Trained by
 * {@link SemanticTrainer}; the bias is shifted after training so that 0.5 is the operating point chosen
 * on the dev split, which is what every score in Parapet means.
 *
 * <p>Stored as {@code classifiers/semantic/<name>.json}: the weights and bias, plus a {@code manifest}
 * block saying how it was trained and how it did on dev (read by people, ignored when scoring).
 *
 * @param name the head's name ({@code acceptable-use}, {@code jailbreak}, {@code toxicity})
 * @param category the finding category it reports
 * @param wordWeights one weight per {@link WordFeatures} bucket, or null for a head that reads the embedding only
 */
public record LinearHead(String name, String category, float[][] hidden, float[] hiddenBias, float[] weights, double bias,
                         float[] wordWeights) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A logistic-regression head (no hidden layer). */
    public LinearHead(String name, String category, float[] weights, double bias) {
        this(name, category, null, null, weights, bias, null);
    }

    public LinearHead {
        int inputs = hidden == null ? weights.length : hidden[0].length;
        if (inputs != EmbeddingService.DIMENSION || (hidden != null && (hidden.length != weights.length || hiddenBias.length != weights.length))) {
            throw new IllegalArgumentException("head '" + name + "' has " + weights.length + " weights, expected "
                    + EmbeddingService.DIMENSION);
        }
        if (wordWeights != null && wordWeights.length != WordFeatures.BUCKETS) {
            throw new IllegalArgumentException("head '" + name + "' has " + wordWeights.length + " word weights, expected "
                    + WordFeatures.BUCKETS);
        }
    }

    public boolean readsWords() {
        return wordWeights != null;
    }

    /** What the word part adds to the logit for a text's {@link WordFeatures}; 0 for a head without one. */
    public double wordLogit(int[] features) {
        if (wordWeights == null) {
            return 0;
        }
        double z = 0;
        for (int f : features) {
            z += wordWeights[f];
        }
        return z;
    }

    public double logit(float[] embedding) {
        double z = bias;
        if (hidden == null) {
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * embedding[i];
            }
            return z;
        }
        for (int k = 0; k < hidden.length; k++) {
            float[] row = hidden[k];
            double a = hiddenBias[k];
            for (int j = 0; j < row.length; j++) {
                a += row[j] * embedding[j];
            }
            if (a > 0) {
                z += weights[k] * a;
            }
        }
        return z;
    }

    /** The same head with another output bias (moves the operating point). */
    public LinearHead withBias(double newBias) {
        return new LinearHead(name, category, hidden, hiddenBias, weights, newBias, wordWeights);
    }

    /**
     * The highest score over the windows of one text. The word part, if the head has one, reads the whole
     * text once and is added to every window's logit.
     */
    public double maxScore(float[][] windows, String text) {
        return maxScore(windows, wordWeights == null ? new int[0] : WordFeatures.of(text));
    }

    /** As {@link #maxScore(float[][], String)}, with the text's {@link WordFeatures} already computed. */
    public double maxScore(float[][] windows, int[] wordFeatures) {
        double words = wordLogit(wordFeatures);
        double best = 0;
        for (float[] w : windows) {
            best = Math.max(best, sigmoid(logit(w) + words));
        }
        return best;
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public static LinearHead load(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            float[] weights = floats(root.path("weights"));
            float[][] hidden = null;
            float[] hiddenBias = null;
            if (root.hasNonNull("hidden")) {
                hidden = new float[root.get("hidden").size()][];
                for (int k = 0; k < hidden.length; k++) {
                    hidden[k] = floats(root.get("hidden").get(k));
                }
                hiddenBias = floats(root.path("hiddenBias"));
            }
            float[] wordWeights = root.hasNonNull("wordWeights") ? floats(root.get("wordWeights")) : null;
            return new LinearHead(root.path("name").asText(), root.path("category").asText(), hidden, hiddenBias, weights,
                    root.path("bias").asDouble(), wordWeights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read semantic head " + file, e);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static void put(com.fasterxml.jackson.databind.node.ArrayNode array, float[] values) {
        for (float x : values) {
            array.add(Math.round(x * 1e4) / 1e4);
        }
    }

    /** Writes the head with a manifest block (training data, settings, dev metrics). */
    public void save(Path file, ObjectNode manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("category", category);
        root.put("dimension", EmbeddingService.DIMENSION);
        root.put("bias", bias);
        put(root.putArray("weights"), weights);
        if (hidden != null) {
            put(root.putArray("hiddenBias"), hiddenBias);
            var rows = root.putArray("hidden");
            for (float[] row : hidden) {
                put(rows.addArray(), row);
            }
        }
        if (wordWeights != null) {
            put(root.putArray("wordWeights"), wordWeights);
        }
        root.set("manifest", manifest);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write semantic head " + file, e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
