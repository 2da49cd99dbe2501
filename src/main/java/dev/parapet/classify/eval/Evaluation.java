package dev.parapet.classify.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Runs a guard over labelled rows and counts, per data file, how often it intervened on positives and on
 * negatives, with per-category recall and per-item latency (QUALITY.md). Single-threaded on purpose: the
 * latency of one item is what a request pays.
 */
public final class Evaluation {

    /** Whether the guard intervenes on one text (for a configuration: the decision is not a plain allow). */
    @FunctionalInterface
    public interface Guard {
        boolean intervenes(String text);
    }

    /** Confusion counts of one file (or of a total). */
    public static final class Counts {
        int tp, fp, tn, fn;
        final Map<String, int[]> categories = new TreeMap<>();

        void add(LabelledRow row, boolean flagged) {
            if (row.positive()) {
                if (flagged) tp++; else fn++;
                for (String c : row.categories()) {
                    int[] hit = categories.computeIfAbsent(c, k -> new int[2]);
                    hit[1]++;
                    if (flagged) hit[0]++;
                }
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }

        public int positives() { return tp + fn; }
        public int negatives() { return fp + tn; }
        public int falsePositives() { return fp; }
        public double recall() { return ratio(tp, tp + fn); }
        public double precision() { return ratio(tp, tp + fp); }
        public double fpr() { return ratio(fp, fp + tn); }
        public double f1() {
            double p = precision(), r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
        }
        /** Recall per category with at least {@code min} positives, largest first, at most {@code limit}. */
        public Map<String, int[]> categoryHits(int min, int limit) {
            Map<String, int[]> out = new LinkedHashMap<>();
            categories.entrySet().stream().filter(e -> e.getValue()[1] >= min)
                    .sorted((a, b) -> b.getValue()[1] - a.getValue()[1]).limit(limit)
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    /** Counts by file, the total, the benign-prompt total, and latencies in nanoseconds. */
    public record Result(String name, Map<String, Counts> byFile, Map<String, Counts> byGroup, Counts total, Counts benign,
                         long[] latenciesNanos) {

        public double latencyMillis(double quantile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private Evaluation() {}

    /**
     * Benign prompts for the false-intervention target: ordinary assistant work (the benign files and our
     * look-alikes) and the NotInject prompts that use trigger words. Tweets and neutral statements about
     * groups are negatives of their own files but not prompts, so they do not count here.
     */
    public static boolean isBenignPrompt(LabelledRow row) {
        return !row.positive() && (row.group().equals("benign") || row.label().equals("benign"));
    }

    /** How many rows are checked once before measuring, of {@code rows}: the first 300 or all. */
    public static int warmupRows(int rows) {
        return Math.min(300, rows);
    }

    /** Warms the guard up on a few rows first, so the JIT's first compilations do not count as latency. */
    public static Result run(String name, Dataset rows, Guard guard, Predicate<LabelledRow> isBenign) {
        int warmup = warmupRows(rows.rows().size());
        for (int i = 0; i < warmup; i++) {
            guard.intervenes(rows.rows().get(i).text());
        }
        Map<String, Counts> byFile = new TreeMap<>();
        Map<String, Counts> byGroup = new TreeMap<>();
        Counts total = new Counts();
        Counts benign = new Counts();
        List<Long> latencies = new ArrayList<>(rows.rows().size());
        for (LabelledRow row : rows.rows()) {
            long started = System.nanoTime();
            boolean flagged = guard.intervenes(row.text());
            latencies.add(System.nanoTime() - started);
            byFile.computeIfAbsent(row.file(), k -> new Counts()).add(row, flagged);
            byGroup.computeIfAbsent(row.group(), k -> new Counts()).add(row, flagged);
            total.add(row, flagged);
            if (isBenign.test(row)) {
                benign.add(row, flagged);
            }
        }
        return new Result(name, byFile, byGroup, total, benign, latencies.stream().mapToLong(Long::longValue).toArray());
    }
}
