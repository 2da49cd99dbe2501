package dev.parapet.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.classify.LexicalFeatures;
import dev.parapet.classify.LexicalModels;
import dev.parapet.classify.TextClassifier;
import dev.parapet.classify.Tokens;
import dev.parapet.classify.eval.Dataset;
import dev.parapet.classify.eval.LabelledRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the four lexical models and writes {@code <out>/<name>.bin} and {@code <out>/manifest.json}.
 *
 * <pre>
 * ./mvnw -B -q compile exec:java -Dexec.mainClass=dev.parapet.classify.train.TrainClassifiers \
 *     -Dexec.args="--data ../shared/data --out classifiers"
 * </pre>
 *
 * Trains on {@code split=train} only (public data and {@code classifiers/ours}); chooses each model's
 * operating point on {@code split=dev} (QUALITY.md: train on train, tune on dev). Deterministic: GIS
 * training has no randomness and the sample order is shuffled with a fixed seed.
 */
public final class TrainClassifiers {

    static final long SEED = 20261127L;
    // Defaults; -Dparapet.train.iterations=..., .cutoff, .sigma override them for experiments (recorded in the manifest).
    static final int ITERATIONS = Integer.getInteger("parapet.train.iterations", 150);
    static final int CUTOFF = Integer.getInteger("parapet.train.cutoff", 2);
    static final double SIGMA = Double.parseDouble(System.getProperty("parapet.train.sigma", "2.0"));
    static final int MAX_REPEAT = Integer.getInteger("parapet.train.max-repeat", 8);

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("--data", "../shared/data"));
        Path out = Path.of(options.getOrDefault("--out", "classifiers"));
        Path ours = Path.of(options.getOrDefault("--ours", out.resolve("ours").toString()));
        List<String> only = options.containsKey("--model") ? List.of(options.get("--model").split(",")) : List.of();
        Dataset all = Dataset.read(data, ours);
        Files.createDirectories(out);

        Path manifestFile = out.resolve(LexicalModels.MANIFEST);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = Files.isRegularFile(manifestFile) && !only.isEmpty()
                ? (ObjectNode) json.readTree(manifestFile.toFile()) : json.createObjectNode();
        manifest.put("written_by", TrainClassifiers.class.getName());
        manifest.put("data", "public data read from --data (default ../shared/data, not committed) and our examples in classifiers/ours");
        manifest.put("seed", SEED);
        ArrayNode features = manifest.putArray("features");
        features.add("tokens: lower-cased runs of letters and digits (dev.parapet.classify.Tokens), at most " + Tokens.MAX_TOKENS);
        features.add("opennlp BagOfWordsFeatureGenerator (unigrams)");
        features.add("opennlp NGramFeatureGenerator (bigrams)");
        ObjectNode hyper = manifest.putObject("hyperparameters");
        hyper.put("algorithm", "MAXENT (GIS)");
        hyper.put("iterations", ITERATIONS);
        hyper.put("cutoff", CUTOFF);
        hyper.put("gaussian_smoothing_sigma", SIGMA);
        hyper.put("class_balance", "the smaller class repeated round(larger/smaller) times, at most the recipe's max_repeat (and " + MAX_REPEAT + ")");
        ObjectNode models = manifest.has("models") ? (ObjectNode) manifest.get("models") : manifest.putObject("models");

        for (ModelRecipe recipe : ModelRecipe.ALL) {
            if (!only.isEmpty() && !only.contains(recipe.name())) {
                continue;
            }
            long started = System.nanoTime();
            Dataset train = all.split("train").filter(recipe::uses);
            DoccatModel model = train(recipe, train);
            String fileName = recipe.name() + ".bin";
            try (OutputStream os = Files.newOutputStream(out.resolve(fileName))) {
                model.serialize(os);
            }
            Dataset dev = all.split("dev").filter(r -> recipe.uses(r) || recipe.evaluates(r));
            OperatingPoint point = OperatingPoint.choose(recipe, new DocumentCategorizerME(model), dev);
            ObjectNode entry = models.putObject(recipe.name());
            entry.put("file", fileName);
            entry.put("rail", recipe.name());
            entry.put("max_repeat", recipe.maxRepeat());
            entry.put("positives", "label in " + new java.util.TreeSet<>(LabelledRow.POSITIVE_LABELS) + " from group '" + recipe.group() + "'");
            entry.put("negatives", "negative labels from " + new java.util.TreeSet<>(recipe.negativeGroups())
                    + (recipe.contrastGroups().isEmpty() ? "" : "; every row of " + recipe.contrastGroups()));
            entry.set("train_rows", rowCounts(train, recipe, json));
            entry.set("dev_rows", rowCounts(dev.filter(recipe::uses), recipe, json));
            entry.set("operating_point", point.toJson(json));
            System.out.printf("%-15s train %5d rows, %.1f s; threshold %.3f  %s%n", recipe.name(), train.rows().size(),
                    (System.nanoTime() - started) / 1e9, point.threshold(), point.summary());
        }
        json.writeValue(manifestFile.toFile(), manifest);
        System.out.println("wrote " + manifestFile);
    }

    static DoccatModel train(ModelRecipe recipe, Dataset train) throws IOException {
        List<DocumentSample> positives = new ArrayList<>();
        List<DocumentSample> negatives = new ArrayList<>();
        for (LabelledRow row : train.rows()) {
            String[] words = Tokens.of(row.text()).words();
            if (words.length > 0) {
                boolean positive = recipe.isPositive(row);
                (positive ? positives : negatives).add(new DocumentSample(positive ? TextClassifier.POSITIVE : TextClassifier.NEGATIVE, words));
            }
        }
        // Why repeat the smaller class: maxent fits the class prior, and with 20 benign rows to each biased one
        // it learns to say "negative" almost always; repeating (at most MAX_REPEAT times) evens the prior.
        List<DocumentSample> samples = new ArrayList<>();
        int cap = Math.min(MAX_REPEAT, recipe.maxRepeat());
        samples.addAll(repeated(positives, repeat(positives.size(), negatives.size(), cap)));
        samples.addAll(repeated(negatives, repeat(negatives.size(), positives.size(), cap)));
        Collections.shuffle(samples, new Random(SEED));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        params.put("GaussianSmoothing", true);
        params.put("GaussianSmoothingSigma", SIGMA);
        FeatureGenerator[] generators = LexicalFeatures.generators();
        return DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params, new DoccatFactory(generators));
    }

    /** How often the smaller class is repeated so both classes weigh about the same. */
    static int repeat(int size, int otherSize, int cap) {
        if (size == 0 || size >= otherSize) {
            return 1;
        }
        return (int) Math.max(1, Math.min(cap, Math.round((double) otherSize / size)));
    }

    private static List<DocumentSample> repeated(List<DocumentSample> samples, int times) {
        List<DocumentSample> out = new ArrayList<>(samples.size() * times);
        for (int i = 0; i < times; i++) {
            out.addAll(samples);
        }
        return out;
    }

    private static ObjectNode rowCounts(Dataset rows, ModelRecipe recipe, ObjectMapper json) {
        Map<String, int[]> byFile = new TreeMap<>();
        for (LabelledRow row : rows.rows()) {
            int[] counts = byFile.computeIfAbsent(row.file(), k -> new int[2]);
            counts[recipe.isPositive(row) ? 0 : 1]++;
        }
        ObjectNode node = json.createObjectNode();
        byFile.forEach((file, c) -> node.putObject(file).put("positive", c[0]).put("negative", c[1]));
        return node;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
