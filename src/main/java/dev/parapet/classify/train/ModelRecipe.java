package dev.parapet.classify.train;

import dev.parapet.classify.eval.LabelledRow;
import java.util.List;
import java.util.Set;

/**
 * Which labelled rows train one lexical model, and how its operating point is chosen on dev.
 *
 * @param name the model's name, which is also the rail id that uses it
 * @param group the data group whose positive rows are this model's positives (folder name, or our file name)
 * @param negativeGroups groups whose negative rows (ok, safe, benign) are negatives too
 * @param contrastGroups groups whose every row is a negative for this model (plain harmful requests teach
 *        the jailbreak model that a request is not an attack on the instructions)
 * @param objective how the operating point is chosen
 * @param maxRepeat how often the smaller class may be repeated to even the class prior (1: never). The
 *        acceptable-use model does better unbalanced: repeating its positives (mostly "How can I ...?"
 *        questions) taught it that the question form itself is harmful (dev recall 0.73 vs 0.75 at the same
 *        benign budget).
 */
public record ModelRecipe(String name, String group, Set<String> negativeGroups, Set<String> contrastGroups,
                          Objective objective, int maxRepeat) {

    /**
     * How to pick the threshold on dev. Benign prompts get a budget per rail because four rails add their
     * false alarms up, and the whole guard may refuse at most 3% of benign prompts (QUALITY.md).
     */
    public enum Objective {
        /** Best F1 on the rail's own dev files while benign prompts are flagged at most 0.5% of the time. */
        F1_WITH_BENIGN_FPR_HALF_PCT(false, 0.005),
        /** Best recall while benign prompts are flagged at most 0.5% of the time. */
        RECALL_WITH_BENIGN_FPR_HALF_PCT(true, 0.005),
        /** Best recall while benign prompts are flagged at most 1.5% of the time. */
        RECALL_WITH_BENIGN_FPR_1_5PCT(true, 0.015);

        final boolean recall;
        final double benignBudget;

        Objective(boolean recall, double benignBudget) {
            this.recall = recall;
            this.benignBudget = benignBudget;
        }
    }

    public static final List<ModelRecipe> ALL = List.of(
            new ModelRecipe("toxicity", "toxicity", Set.of("benign", "bias", "jailbreak", "acceptable_use"), Set.of(),
                    Objective.F1_WITH_BENIGN_FPR_HALF_PCT, 8),
            new ModelRecipe("bias", "bias", Set.of("benign", "toxicity", "jailbreak", "acceptable_use"), Set.of(),
                    Objective.F1_WITH_BENIGN_FPR_HALF_PCT, 8),
            new ModelRecipe("acceptable-use", "acceptable_use", Set.of("benign", "bias", "jailbreak", "toxicity"), Set.of(),
                    Objective.RECALL_WITH_BENIGN_FPR_1_5PCT, 1),
            new ModelRecipe("jailbreak", "jailbreak", Set.of("benign", "bias", "toxicity"), Set.of("acceptable_use"),
                    Objective.RECALL_WITH_BENIGN_FPR_HALF_PCT, 8));

    public static ModelRecipe named(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model recipe '" + name + "'"));
    }

    /** Whether the row trains this model (at the train split) or tunes it (at dev), and as which outcome. */
    public boolean uses(LabelledRow row) {
        return row.group().equals(group) || contrastGroups.contains(row.group())
                || (negativeGroups.contains(row.group()) && !row.positive());
    }

    public boolean isPositive(LabelledRow row) {
        return row.group().equals(group) && row.positive();
    }

    /** Rows the rail is evaluated on: its own group and the benign prompts. */
    public boolean evaluates(LabelledRow row) {
        return row.group().equals(group) || row.group().equals("benign");
    }
}
