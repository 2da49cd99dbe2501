package dev.parapet.classify.semantic;

import java.util.Arrays;

/** Chooses a head's threshold on dev scores: lowest threshold within a false-positive budget, or best F1. */
public final class OperatingPoint {

    private OperatingPoint() {}

    /**
     * @param maxFpr the false-positive budget; NaN chooses the threshold with the best F1
     * @return a threshold in (0, 1), placed between two adjacent dev scores
     */
    public static double choose(double[] scores, boolean[] positive, double maxFpr) {
        return choose(scores, positive, maxFpr, new boolean[scores.length], Double.NaN);
    }

    /**
     * As {@link #choose(double[], boolean[], double)}, and also never beyond {@code maxPromptFpr} on the rows
     * marked in {@code benignPrompt} (NaN: no such limit). Why: a head tuned for F1 on tweets may still flag
     * ordinary assistant prompts, and those are what the guard must not refuse.
     */
    public static double choose(double[] scores, boolean[] positive, double maxFpr, boolean[] benignPrompt, double maxPromptFpr) {
        double[] candidates = Arrays.stream(scores).distinct().sorted().toArray();
        double best = 0.5;
        double bestValue = -1;
        for (int i = 0; i < candidates.length; i++) {
            double t = i == 0 ? candidates[0] : (candidates[i - 1] + candidates[i]) / 2;
            if (!Double.isNaN(maxPromptFpr) && promptFpr(scores, benignPrompt, t) > maxPromptFpr) {
                continue;
            }
            BinaryMetrics m = BinaryMetrics.of(scores, positive, t);
            double value;
            if (Double.isNaN(maxFpr)) {
                value = m.f1();
            } else {
                if (m.falsePositiveRate() > maxFpr) {
                    continue;
                }
                value = m.recall() + 1e-6 * (1 - m.falsePositiveRate());
            }
            if (!Double.isNaN(value) && value > bestValue) {
                bestValue = value;
                best = t;
            }
        }
        return Math.min(1 - 1e-6, Math.max(1e-6, best));
    }

    static double promptFpr(double[] scores, boolean[] benignPrompt, double threshold) {
        int n = 0;
        int flagged = 0;
        for (int i = 0; i < scores.length; i++) {
            if (benignPrompt[i]) {
                n++;
                flagged += scores[i] >= threshold ? 1 : 0;
            }
        }
        return n == 0 ? 0 : (double) flagged / n;
    }
}
