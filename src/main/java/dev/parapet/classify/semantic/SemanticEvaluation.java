package dev.parapet.classify.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores one head on its dev lines and writes the markdown report: precision, recall, F1 and
 * false-positive rate overall and per data file, recall per category, and latency of the semantic tier
 * per item. Reports carry counts and rates only, never a line of data.
 */
public final class SemanticEvaluation {

    /** @param scores the head's score per dev line (highest over the line's windows) */
    public record Result(HeadSpec spec, HeadData dev, double[] scores, BinaryMetrics overall, double latencyP50Ms,
                         double latencyP99Ms, int latencySamples) {}

    private SemanticEvaluation() {}

    /** The head's score per line: highest over the line's windows, the word part reading the line's text. */
    public static double[] scores(LinearHead head, float[][][] windows, List<String> texts) {
        double[] scores = new double[windows.length];
        for (int i = 0; i < windows.length; i++) {
            scores[i] = head.maxScore(windows[i], texts.get(i));
        }
        return scores;
    }

    /** Times embedding plus scoring, uncached, over the first {@code samples} dev lines. */
    public static double[] latencyMs(LinearHead head, EmbeddingService service, List<String> texts, int samples) {
        int n = Math.min(samples, texts.size());
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            head.maxScore(service.embedWindows(texts.get(i), 3), texts.get(i));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms;
    }

    public static Result evaluate(HeadSpec spec, LinearHead head, HeadData dev, float[][][] windows, double[] sortedLatencyMs) {
        double[] scores = scores(head, windows, dev.texts());
        BinaryMetrics overall = BinaryMetrics.of(scores, dev.positive(), 0.5);
        return new Result(spec, dev, scores, overall, percentile(sortedLatencyMs, 0.50), percentile(sortedLatencyMs, 0.99),
                sortedLatencyMs.length);
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One line for the console. */
    public static String summary(Result r) {
        BinaryMetrics m = r.overall();
        return String.format(Locale.ROOT, "semantic-%-15s dev: P=%.3f R=%.3f F1=%.3f FPR=%.3f (pos=%d neg=%d) p50=%.1fms p99=%.1fms",
                r.spec().name(), m.precision(), m.recall(), m.f1(), m.falsePositiveRate(), m.positives(), m.negatives(),
                r.latencyP50Ms(), r.latencyP99Ms());
    }

    public static void writeReport(Result r, Path reportsDir, String command, String modelNote, String trainingNote) {
        StringBuilder md = new StringBuilder();
        String name = "semantic-" + r.spec().name();
        md.append("# ").append(name).append(": dev split\n\n");
        md.append("Written by `").append(command).append("`; do not edit by hand.\n\n");
        md.append("Head: ").append(modelNote).append(", over all-MiniLM-L6-v2 sentence embeddings (384-d), category `")
                .append(r.spec().category()).append("`. A score of 0.5 or more is positive (the operating point chosen on dev: ")
                .append(Double.isNaN(r.spec().maxDevFpr()) ? "best F1" : "lowest threshold with FPR <= " + r.spec().maxDevFpr())
                .append(").\n\n");
        md.append(trainingNote).append("\n\n");
        md.append("## Overall\n\n| lines | positives | negatives | precision | recall | F1 | FPR | latency p50 | latency p99 |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        BinaryMetrics m = r.overall();
        md.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %s | %s | %s | %.1f ms | %.1f ms |%n%n",
                m.positives() + m.negatives(), m.positives(), m.negatives(), f(m.precision()), f(m.recall()), f(m.f1()),
                f(m.falsePositiveRate()), r.latencyP50Ms(), r.latencyP99Ms()));
        md.append("Latency: embedding (up to 3 windows) plus the head, per item, over the first ").append(r.latencySamples())
                .append(" dev lines, measured while the machine was shared; the JMH benchmark is the reference.\n\n");
        md.append("## Per data file\n\n| file | lines | positives | recall | negatives | false positives | FPR |\n|---|---|---|---|---|---|---|\n");
        Map<String, int[]> perFile = new TreeMap<>();
        Map<String, int[]> perCategory = new TreeMap<>();
        List<LabelledText> rows = r.dev().rows();
        for (int i = 0; i < rows.size(); i++) {
            boolean pos = r.dev().positive()[i];
            boolean flagged = r.scores()[i] >= 0.5;
            int[] c = perFile.computeIfAbsent(rows.get(i).file(), k -> new int[4]);
            c[pos ? 0 : 2]++;
            if (flagged) {
                c[pos ? 1 : 3]++;
            }
            if (pos) {
                for (String category : rows.get(i).categories()) {
                    int[] k = perCategory.computeIfAbsent(category, x -> new int[2]);
                    k[0]++;
                    k[1] += flagged ? 1 : 0;
                }
            }
        }
        perFile.forEach((file, c) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %s |%n",
                file, c[0] + c[2], c[0], c[0] == 0 ? "-" : f((double) c[1] / c[0]), c[2], c[3],
                c[2] == 0 ? "-" : f((double) c[3] / c[2]))));
        List<Map.Entry<String, int[]>> categories = new ArrayList<>(perCategory.entrySet());
        categories.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        if (!categories.isEmpty()) {
            md.append("\n## Recall per category (positives, the 20 largest categories)\n\n| category | positives | recall |\n|---|---|---|\n");
            categories.stream().limit(20).forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %d | %s |%n",
                    e.getKey().replace("|", "/"), e.getValue()[0], f((double) e.getValue()[1] / e.getValue()[0]))));
        }
        try {
            Files.createDirectories(reportsDir);
            Files.writeString(reportsDir.resolve(name + ".md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String f(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }
}
