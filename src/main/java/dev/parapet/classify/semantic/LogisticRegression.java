package dev.parapet.classify.semantic;

/**
 * Trains a logistic-regression head on embeddings: class-balanced log loss with L2 penalty, full-batch
 * Adam. Deterministic: no shuffling, weights start at zero, so the same data gives the same head.
 *
 * <p>Why full batch: a few thousand 384-dimensional examples fit in memory, a full pass costs about a
 * millisecond, and it removes the one source of randomness that mini-batches would add.
 */
public final class LogisticRegression {

    public record Settings(int epochs, double learningRate, double l2) {
        public static final Settings DEFAULT = new Settings(400, 0.05, 1e-3);
    }

    private LogisticRegression() {}

    /** Returns {@code weights[0..d-1]} followed by the bias at index {@code d}. */
    public static double[] train(float[][] x, boolean[] y, Settings settings) {
        int n = x.length;
        int d = x[0].length;
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double wPos = n / (2.0 * Math.max(1, positives));
        double wNeg = n / (2.0 * Math.max(1, n - positives));
        double[] theta = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double[] grad = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double z = theta[d];
                float[] xi = x[i];
                for (int j = 0; j < d; j++) {
                    z += theta[j] * xi[j];
                }
                double p = LinearHead.sigmoid(z);
                double err = (p - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * xi[j];
                }
                grad[d] += err;
            }
            for (int j = 0; j <= d; j++) {
                double g = grad[j] / n + (j < d ? settings.l2() * theta[j] : 0);
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                double mHat = m[j] / (1 - Math.pow(beta1, epoch));
                double vHat = v[j] / (1 - Math.pow(beta2, epoch));
                theta[j] -= settings.learningRate() * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return theta;
    }
}
