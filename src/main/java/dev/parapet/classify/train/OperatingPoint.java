package dev.parapet.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.classify.TextClassifier;
import dev.parapet.classify.Tokens;
import dev.parapet.classify.eval.Dataset;
import dev.parapet.classify.eval.LabelledRow;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * The probability threshold a model is used at, chosen on the dev split by the recipe's objective and
 * stored in the manifest; {@link TextClassifier} maps it to a score of 0.5. The model alone is measured
 * here; the rail adds its lexicon on top.
 */
public record OperatingPoint(double threshold, String objective, double recall, double precision, double f1,
                             double fpr, double benignFpr, int devPositives, int devNegatives) {

    static final double MIN = 0.02;
    static final double MAX = 0.98;

    static OperatingPoint choose(ModelRecipe recipe, DocumentCategorizerME model, Dataset dev) {
        int n = dev.rows().size();
        double[] p = new double[n];
        boolean[] pos = new boolean[n];
        boolean[] benign = new boolean[n];
        int positive = model.getIndex(TextClassifier.POSITIVE);
        for (int i = 0; i < n; i++) {
            LabelledRow row = dev.rows().get(i);
            String[] words = Tokens.of(row.text()).words();
            p[i] = words.length == 0 ? 0 : model.categorize(words)[positive];
            pos[i] = recipe.isPositive(row);
            benign[i] = row.group().equals("benign");
        }
        OperatingPoint best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double t = MIN; t <= MAX + 1e-9; t += 0.01) {
            OperatingPoint point = measure(recipe, t, p, pos, benign);
            // Within the benign budget the objective's metric decides; outside it, every threshold ranks below.
            double metric = recipe.objective().recall ? point.recall() : point.f1();
            double value = point.benignFpr() <= recipe.objective().benignBudget ? metric : -1 + metric - point.benignFpr();
            // Ties go to the higher threshold: fewer false alarms on data we have not seen.
            if (value >= bestValue) {
                bestValue = value;
                best = point;
            }
        }
        return best;
    }

    private static OperatingPoint measure(ModelRecipe recipe, double t, double[] p, boolean[] pos, boolean[] benign) {
        int tp = 0, fp = 0, fn = 0, tn = 0, benignFp = 0, benignN = 0;
        for (int i = 0; i < p.length; i++) {
            boolean flagged = p[i] >= t;
            if (pos[i]) {
                if (flagged) tp++; else fn++;
            } else {
                if (flagged) fp++; else tn++;
                if (benign[i]) {
                    benignN++;
                    if (flagged) benignFp++;
                }
            }
        }
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double fpr = fp + tn == 0 ? 0 : (double) fp / (fp + tn);
        double benignFpr = benignN == 0 ? 0 : (double) benignFp / benignN;
        return new OperatingPoint(Math.round(t * 100) / 100.0, recipe.objective().name(), recall, precision, f1, fpr,
                benignFpr, tp + fn, fp + tn);
    }

    String summary() {
        return String.format("dev (model alone): recall %.3f precision %.3f F1 %.3f FPR %.3f benign FPR %.3f",
                recall, precision, f1, fpr, benignFpr);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("threshold", threshold);
        node.put("objective", objective);
        node.put("chosen_on", "dev split");
        node.put("dev_recall", round(recall));
        node.put("dev_precision", round(precision));
        node.put("dev_f1", round(f1));
        node.put("dev_fpr", round(fpr));
        node.put("dev_benign_fpr", round(benignFpr));
        node.put("dev_positives", devPositives);
        node.put("dev_negatives", devNegatives);
        return node;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
