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
 * or with one ReLU hidden layer, score = sigmoid(w · relu(H x + c) + b). Trained by
 * {@link SemanticTrainer}; the bias is shifted after training so that 0.5 is the operating point chosen
 * on the dev split, which is what every score in Parapet means.
 *
 * <p>Stored as {@code classifiers/semantic/<name>.json}: the weights and bias, plus a {@code manifest}
 * block saying how it was trained and how it did on dev (read by people, ignored when scoring).
 *
 * @param name the head's name ({@code acceptable-use}, {@code jailbreak}, {@code toxicity})
 * @param category the finding category it reports
 */
public record LinearHead(String name, String category, float[][] hidden, float[] hiddenBias, float[] weights, double bias) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A logistic-regression head (no hidden layer). */
    public LinearHead(String name, String category, float[] weights, double bias) {
        this(name, category, null, null, weights, bias);
    }

    public LinearHead {
        int inputs = hidden == null ? weights.length : hidden[0].length;
        if (inputs != EmbeddingService.DIMENSION || (hidden != null && (hidden.length != weights.length || hiddenBias.length != weights.length))) {
            throw new IllegalArgumentException("head '" + name + "' has " + weights.length + " weights, expected "
                    + EmbeddingService.DIMENSION);
        }
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
        return new LinearHead(name, category, hidden, hiddenBias, weights, newBias);
    }

    public double score(float[] embedding) {
        return sigmoid(logit(embedding));
    }

    /** The highest score over several windows of one text. */
    public double maxScore(float[][] windows) {
        double best = 0;
        for (float[] w : windows) {
            best = Math.max(best, score(w));
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
            return new LinearHead(root.path("name").asText(), root.path("category").asText(), hidden, hiddenBias, weights,
                    root.path("bias").asDouble());
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
