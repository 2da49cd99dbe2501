package dev.parapet.classify.semantic;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Scores the committed heads ({@code classifiers/semantic/*.json}) on the dev split without training,
 * prints precision, recall, F1, FPR and latency per head, and rewrites their reports:
 *
 * <pre>
 * ./mvnw -B -q compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=dev.parapet.classify.semantic.SemanticEval -Dexec.args="../shared/data"
 * </pre>
 */
public final class SemanticEval {

    private SemanticEval() {}

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<HeadSpec> specs = args.length > 1 ? Arrays.stream(args).skip(1).map(HeadSpec::named).toList() : HeadSpec.ALL;
        List<LabelledText> all = SemanticTrainer.loadAll(data);
        EmbeddingService service = new EmbeddingService();
        EmbeddingCache cache = new EmbeddingCache(SemanticTrainer.CACHE);
        SemanticHeads heads = new SemanticHeads(SemanticTrainer.HEADS.toString());
        for (HeadSpec spec : specs) {
            LinearHead head = heads.get(spec.name());
            HeadData dev = HeadData.select(all, spec, true, SemanticTrainer.SEED);
            float[][][] windows = cache.embedAll(dev.texts(), service, SemanticHeadWindows.MAX, 2);
            double[] latency = SemanticEvaluation.latencyMs(head, service, dev.texts(), 200);
            SemanticEvaluation.Result result = SemanticEvaluation.evaluate(spec, head, dev, windows, latency);
            System.out.println(SemanticEvaluation.summary(result));
        }
        cache.save();
    }
}
