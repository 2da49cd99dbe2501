package dev.parapet.classify.semantic;

import java.util.Random;

/**
 * Trains a small two-layer network head (embedding → ReLU hidden layer → logit) with class-balanced
 * log loss, L2 penalty and mini-batch Adam. Reproducible: the initial weights and the batch order come
 * from one seeded {@link Random}.
 *
 * <p>Why a hidden layer: a linear head over MiniLM embeddings separates topic ("chemistry") better
 * than intent ("harm someone with chemistry"); a few hundred hidden units learn such interactions and
 * still cost a few microseconds per text.
 *
 * <p>With word features ({@link WordFeatures}) the same run also learns one weight per hashed word and
 * word pair, added to the logit: the words then correct the embedding where it sees topic but not intent.
 */
public final class TwoLayerNetwork {

    public record Settings(int hidden, int epochs, int batch, double learningRate, double l2) {
        // -Dparapet.semantic.hidden=..., .epochs, .l2 override the defaults for experiments (recorded in each head's manifest).
        public static final Settings DEFAULT = new Settings(Integer.getInteger("parapet.semantic.hidden", 256),
                Integer.getInteger("parapet.semantic.epochs", 60), 32, 0.003,
                Double.parseDouble(System.getProperty("parapet.semantic.l2", "1e-4")));

        /**
         * For a head with a word part: 30 epochs in batches of 64, a quarter of the default's updates. Chosen
         * in an experiment on the acceptable-use dev split: 60 epochs of 32 scored about the same on dev and
         * let more held-out look-alikes through.
         */
        public static final Settings WITH_WORDS = new Settings(DEFAULT.hidden(), 30, 64, DEFAULT.learningRate(), DEFAULT.l2());
    }

    private TwoLayerNetwork() {}

    public static LinearHead train(String name, String category, float[][] x, boolean[] y, Settings s, long seed) {
        return train(name, category, x, null, y, s, seed);
    }

    /**
     * @param words per line, its {@link WordFeatures}; null trains a head over the embedding only
     */
    public static LinearHead train(String name, String category, float[][] x, int[][] words, boolean[] y, Settings s, long seed) {
        int n = x.length;
        int d = x[0].length;
        int h = s.hidden();
        Random random = new Random(seed);
        double[][] w1 = new double[h][d];
        double[] b1 = new double[h];
        double[] w2 = new double[h];
        double scale1 = Math.sqrt(2.0 / d);
        for (int k = 0; k < h; k++) {
            for (int j = 0; j < d; j++) {
                w1[k][j] = random.nextGaussian() * scale1;
            }
            w2[k] = random.nextGaussian() * Math.sqrt(1.0 / h);
        }
        double[] b2 = {0};
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double wPos = n / (2.0 * Math.max(1, positives));
        double wNeg = n / (2.0 * Math.max(1, n - positives));
        double[] ww = words == null ? null : new double[WordFeatures.BUCKETS];
        Adam adam = new Adam(h * d + h + h + 1 + (ww == null ? 0 : ww.length), s.learningRate());
        double[] gww = ww == null ? null : new double[ww.length];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] hidden = new double[h];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += s.batch()) {
                int end = Math.min(n, start + s.batch());
                double[][] gw1 = new double[h][d];
                double[] gb1 = new double[h];
                double[] gw2 = new double[h];
                double gb2 = 0;
                if (gww != null) {
                    java.util.Arrays.fill(gww, 0);
                }
                for (int bi = start; bi < end; bi++) {
                    int i = order[bi];
                    float[] xi = x[i];
                    double z = b2[0];
                    if (ww != null) {
                        for (int f : words[i]) {
                            z += ww[f];
                        }
                    }
                    for (int k = 0; k < h; k++) {
                        double a = b1[k];
                        double[] row = w1[k];
                        for (int j = 0; j < d; j++) {
                            a += row[j] * xi[j];
                        }
                        hidden[k] = a > 0 ? a : 0;
                        z += w2[k] * hidden[k];
                    }
                    double err = (LinearHead.sigmoid(z) - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
                    gb2 += err;
                    if (gww != null) {
                        for (int f : words[i]) {
                            gww[f] += err;
                        }
                    }
                    for (int k = 0; k < h; k++) {
                        gw2[k] += err * hidden[k];
                        if (hidden[k] > 0) {
                            double back = err * w2[k];
                            gb1[k] += back;
                            double[] g = gw1[k];
                            for (int j = 0; j < d; j++) {
                                g[j] += back * xi[j];
                            }
                        }
                    }
                }
                int m = end - start;
                int p = 0;
                for (int k = 0; k < h; k++) {
                    for (int j = 0; j < d; j++) {
                        w1[k][j] = adam.step(p++, w1[k][j], gw1[k][j] / m + s.l2() * w1[k][j]);
                    }
                }
                for (int k = 0; k < h; k++) {
                    b1[k] = adam.step(p++, b1[k], gb1[k] / m);
                }
                for (int k = 0; k < h; k++) {
                    w2[k] = adam.step(p++, w2[k], gw2[k] / m + s.l2() * w2[k]);
                }
                b2[0] = adam.step(p++, b2[0], gb2 / m);
                if (ww != null) {
                    for (int f = 0; f < ww.length; f++) {
                        ww[f] = adam.step(p++, ww[f], gww[f] / m + s.l2() * ww[f]);
                    }
                }
                adam.tick();
            }
        }
        float[][] hw = new float[h][d];
        float[] hb = new float[h];
        float[] ow = new float[h];
        for (int k = 0; k < h; k++) {
            for (int j = 0; j < d; j++) {
                hw[k][j] = (float) w1[k][j];
            }
            hb[k] = (float) b1[k];
            ow[k] = (float) w2[k];
        }
        float[] wordWeights = null;
        if (ww != null) {
            wordWeights = new float[ww.length];
            for (int f = 0; f < ww.length; f++) {
                wordWeights[f] = (float) ww[f];
            }
        }
        return new LinearHead(name, category, hw, hb, ow, b2[0], wordWeights);
    }

    /** Adam with one shared step counter; {@link #tick()} after each batch. */
    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private final double rate;
        private int t = 1;
        private double correction1 = 1 - 0.9;
        private double correction2 = 1 - 0.999;

        Adam(int size, double rate) {
            this.m = new double[size];
            this.v = new double[size];
            this.rate = rate;
        }

        double step(int i, double value, double g) {
            m[i] = 0.9 * m[i] + 0.1 * g;
            v[i] = 0.999 * v[i] + 0.001 * g * g;
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            return value - rate * mHat / (Math.sqrt(vHat) + 1e-8);
        }

        void tick() {
            t++;
            correction1 = 1 - Math.pow(0.9, t);
            correction2 = 1 - Math.pow(0.999, t);
        }
    }
}
