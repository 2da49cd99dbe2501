package dev.parapet.classify.semantic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the acceptable-use example memory ({@link ExampleMemory}) from the training split; the semantic
 * trainer runs it whenever it trains the acceptable-use head, and it runs alone as:
 *
 * <pre>
 * ./mvnw -B -q compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=dev.parapet.classify.semantic.ExampleMemoryBuilder -Dexec.args="../shared/data"
 * </pre>
 *
 * Harmful: every training line the acceptable-use head counts as harmful (HarmfulQA uncapped: a
 * neighbour is local, so the question shape the head must not over-learn does no harm here). Benign:
 * every training line it counts as benign, plus our other benign prompts. Deterministic: no sampling.
 * Writes {@code classifiers/semantic/acceptable-use-examples.bin} and a manifest beside it, and the rail's
 * report on the dev split, {@code classifiers/reports/semantic-nearest-harmful.md}.
 */
public final class ExampleMemoryBuilder {

    static final String NAME = "acceptable-use-examples";
    /** A harmful vector this close to one already kept adds nothing a neighbour search could notice. */
    static final double DUPLICATE = 0.98;
    /**
     * A benign vector farther than this from every harmful one cannot rival a harmful neighbour close
     * enough to count (the policy's 0.78 less a margin of 0.2), so it is left out to keep scans short.
     * Checked when first built: on the 13,274 dev and held-out lines no finding of the full memory was lost.
     */
    static final double BENIGN_REACH = 0.4;

    private ExampleMemoryBuilder() {}

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        EmbeddingCache cache = new EmbeddingCache(SemanticTrainer.CACHE);
        build(SemanticTrainer.loadAll(data), new EmbeddingService(1, 0), cache);
        cache.save();
    }

    static void build(List<LabelledText> all, EmbeddingService service, EmbeddingCache cache) {
        List<LabelledText> harmful = new ArrayList<>();
        List<LabelledText> benign = new ArrayList<>();
        for (LabelledText t : all) {
            if (!"train".equals(t.split())) {
                continue;
            }
            if (HeadSpec.ACCEPTABLE_USE.positive().test(t)) {
                harmful.add(t);
            } else if (HeadSpec.ACCEPTABLE_USE.negative().test(t) || HeadSpec.benignPrompt(t)) {
                benign.add(t);
            }
        }
        List<float[]> harmfulVectors = distinct(windows(cache.embedAll(texts(harmful), service, SemanticHeadWindows.MAX, 2)));
        List<float[]> benignVectors = new ArrayList<>();
        ExampleMemory harmfulOnly = ExampleMemory.of(harmfulVectors, List.of());
        for (float[] v : distinct(windows(cache.embedAll(texts(benign), service, SemanticHeadWindows.MAX, 2)))) {
            if (harmfulOnly.nearest(new float[][] {v}, 2).harmful() >= BENIGN_REACH) {
                benignVectors.add(v);
            }
        }
        ExampleMemory memory = ExampleMemory.of(harmfulVectors, benignVectors);
        Path file = SemanticTrainer.HEADS.resolve(NAME + ".bin");
        memory.save(file);
        writeManifest(SemanticTrainer.HEADS.resolve(NAME + ".json"), harmful, benign, memory);
        System.out.printf("wrote %s: %d harmful and %d benign vectors (from %d and %d training lines)%n", file,
                memory.harmfulCount(), memory.benignCount(), harmful.size(), benign.size());
        HeadData dev = HeadData.select(all, HeadSpec.ACCEPTABLE_USE, true, SemanticTrainer.SEED);
        float[][][] devWindows = cache.embedAll(dev.texts(), service, SemanticHeadWindows.MAX, 2);
        double[] scores = new double[devWindows.length];
        for (int i = 0; i < scores.length; i++) {
            ExampleMemory.Nearest nearest = memory.nearest(devWindows[i], 0);
            // What the rail reports with its default margin: the harmful similarity, or nothing.
            scores[i] = nearest.harmful() - nearest.benign() >= MARGIN ? nearest.harmful() : 0;
        }
        writeReport(dev, scores, memory);
    }

    /** The rail's default margin and the policy's line (classify.drl), for the report. */
    static final double MARGIN = 0.2;
    static final double POLICY_LINE = 0.78;

    private static void writeReport(HeadData dev, double[] scores, ExampleMemory memory) {
        StringBuilder md = new StringBuilder("# semantic-nearest-harmful: dev split\n\n");
        md.append("Written by `ExampleMemoryBuilder ../shared/data` (also run by `SemanticTrainer`); do not edit by hand.\n\n");
        md.append(String.format(Locale.ROOT, "The rail alone: the cosine similarity of a dev line to the nearest of %d harmful training "
                + "vectors, counted when no benign one (%d vectors) comes within %.1f of it. Positives and negatives are the "
                + "acceptable-use head's dev lines. `classify.drl` counts the rail from %.2f in English; below that line it "
                + "decides nothing. Alone it is meant to add requests the head misses, not to carry recall.%n%n",
                memory.harmfulCount(), memory.benignCount(), MARGIN, POLICY_LINE));
        md.append("## By threshold\n\n| threshold | positives caught | recall | negatives flagged | FPR | precision |\n|---|---|---|---|---|---|\n");
        for (double t : new double[] {0.70, 0.74, 0.78, 0.82, 0.86}) {
            BinaryMetrics m = BinaryMetrics.of(scores, dev.positive(), t);
            md.append(String.format(Locale.ROOT, "| %.2f%s | %d/%d | %.3f | %d/%d | %.3f | %.3f |%n", t, t == POLICY_LINE ? " (policy)" : "",
                    m.truePositives(), m.positives(), m.recall(), m.falsePositives(), m.negatives(), m.falsePositiveRate(), m.precision()));
        }
        md.append(String.format(Locale.ROOT, "%n## By file, at %.2f%n%n| file | positives caught | negatives flagged |%n|---|---|---|%n", POLICY_LINE));
        Map<String, int[]> byFile = new TreeMap<>();
        for (int i = 0; i < scores.length; i++) {
            int[] c = byFile.computeIfAbsent(dev.rows().get(i).file(), k -> new int[4]);
            int base = dev.positive()[i] ? 0 : 2;
            c[base]++;
            c[base + 1] += scores[i] >= POLICY_LINE ? 1 : 0;
        }
        byFile.forEach((file, c) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", file,
                c[0] == 0 ? "-" : c[1] + "/" + c[0], c[2] == 0 ? "-" : c[3] + "/" + c[2])));
        try {
            Files.createDirectories(SemanticTrainer.REPORTS);
            Files.writeString(SemanticTrainer.REPORTS.resolve("semantic-nearest-harmful.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(List<LabelledText> rows) {
        return rows.stream().map(LabelledText::text).toList();
    }

    private static List<float[]> windows(float[][][] embedded) {
        List<float[]> vectors = new ArrayList<>();
        for (float[][] text : embedded) {
            vectors.addAll(List.of(text));
        }
        return vectors;
    }

    /** Keeps a vector unless one already kept is within {@link #DUPLICATE}. */
    private static List<float[]> distinct(List<float[]> vectors) {
        List<float[]> kept = new ArrayList<>();
        for (float[] v : vectors) {
            boolean duplicate = false;
            for (int i = 0; i < kept.size() && !duplicate; i++) {
                duplicate = dot(kept.get(i), v) >= DUPLICATE;
            }
            if (!duplicate) {
                kept.add(v);
            }
        }
        return kept;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static void writeManifest(Path file, List<LabelledText> harmful, List<LabelledText> benign, ExampleMemory memory) {
        ObjectNode m = LinearHead.json().createObjectNode();
        m.put("written_by", "ExampleMemoryBuilder; vectors only, no text");
        m.put("command", "./mvnw -B -q compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java "
                + "-Dexec.mainClass=dev.parapet.classify.semantic.ExampleMemoryBuilder -Dexec.args=\"../shared/data\"");
        m.put("embedding", "all-MiniLM-L6-v2 int8-quantised, unit length, windows of " + TextWindows.WINDOW_CHARS
                + " chars, at most " + SemanticHeadWindows.MAX + " per line");
        m.put("split", "train");
        m.put("duplicate_cosine", DUPLICATE);
        m.put("benign_reach_cosine", BENIGN_REACH);
        m.put("harmful_vectors", memory.harmfulCount());
        m.put("benign_vectors", memory.benignCount());
        m.set("harmful_lines_by_file", LinearHead.json().valueToTree(byFile(harmful)));
        m.set("benign_lines_by_file", LinearHead.json().valueToTree(byFile(benign)));
        try {
            Files.writeString(file, LinearHead.json().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> byFile(List<LabelledText> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(t -> counts.merge(t.file(), 1, Integer::sum));
        return counts;
    }
}
