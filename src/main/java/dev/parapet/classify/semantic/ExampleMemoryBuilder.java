package dev.parapet.classify.semantic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Writes {@code classifiers/semantic/acceptable-use-examples.bin} and a manifest beside it.
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
