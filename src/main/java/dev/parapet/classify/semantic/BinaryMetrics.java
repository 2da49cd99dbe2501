package dev.parapet.classify.semantic;

/** Counts of one binary evaluation and the rates QUALITY.md asks for. */
public record BinaryMetrics(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {

    public static BinaryMetrics of(double[] scores, boolean[] positive, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (positive[i]) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new BinaryMetrics(tp, fp, tn, fn);
    }

    public int positives() {
        return truePositives + falseNegatives;
    }

    public int negatives() {
        return trueNegatives + falsePositives;
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, positives());
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double falsePositiveRate() {
        return ratio(falsePositives, negatives());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
