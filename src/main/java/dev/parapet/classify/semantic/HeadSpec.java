package dev.parapet.classify.semantic;

import java.util.List;
import java.util.function.Predicate;

/**
 * What one semantic head is trained on and how its operating point is chosen. The three heads and
 * their data are listed in {@link #ALL}; changing a selection here and retraining is how a head is tuned.
 *
 * @param positive lines the head must flag
 * @param negative lines the head must pass (train and dev)
 * @param trainOnlyNegative extra negatives used in training but not counted on dev (for example plain
 *     harmful requests for the jailbreak head: not jailbreaks, yet no false alarm for the guard)
 * @param maxDevFpr operating point: the lowest threshold whose dev false-positive rate stays at or below
 *     this; NaN means the threshold with the best dev F1
 * @param maxPromptFpr a second limit on the operating point: the false-positive rate on benign prompts alone
 *     (the benign files and our look-alikes) may not exceed it; NaN means no such limit
 * @param caps most lines taken per file and label and split (a fixed-seed sample), so one large file
 *     does not drown the others; files not listed are taken whole
 * @param readsWords whether the trainer also tries a network with a word part ({@link WordFeatures}); the
 *     candidate with the better dev objective is kept either way
 */
public record HeadSpec(String name, String category, Predicate<LabelledText> positive, Predicate<LabelledText> negative,
                       Predicate<LabelledText> trainOnlyNegative, double maxDevFpr, double maxPromptFpr, List<Cap> caps,
                       boolean readsWords) {

    /** At most {@code limit} lines of one file, label and split. */
    public record Cap(String file, String label, String split, int limit) {}

    static boolean in(LabelledText t, String folder) {
        return t.file().startsWith(folder + "/");
    }

    static boolean injecGuardBenign(LabelledText t) {
        return t.file().endsWith("injecguard_half.jsonl") && "benign".equals(t.label());
    }

    static boolean oursFor(LabelledText t, String head) {
        return t.ours() && t.categories().contains(head);
    }

    /** A prompt the guard must let through: the benign files, InjecGuard's benign rows and our look-alikes. */
    public static boolean benignPrompt(LabelledText t) {
        return benign(t) || (t.ours() && !t.positive());
    }

    static boolean benign(LabelledText t) {
        return in(t, "benign") || injecGuardBenign(t);
    }

    public static final HeadSpec ACCEPTABLE_USE = new HeadSpec("acceptable-use", "unsafe",
            t -> (in(t, "acceptable_use") && "unsafe".equals(t.label())) || (oursFor(t, "acceptable-use") && t.positive()),
            t -> benign(t) || (oursFor(t, "acceptable-use") && !t.positive()),
            t -> false,
            0.03,
            Double.NaN,
            List.of(new Cap("benign/gsm8k_test.jsonl", "safe", "train", 250),
                    new Cap("benign/mbpp.jsonl", "safe", "train", 250),
                    // HarmfulQA asks "how can I use <field> to <harm>" in one shape; too much of it teaches the shape.
                    new Cap("acceptable_use/harmfulqa_questions.jsonl", "unsafe", "train", 800)),
            // Harmful and benign requests share topics; the words that carry intent are what the embedding blurs.
            true);

    public static final HeadSpec JAILBREAK = new HeadSpec("jailbreak", "jailbreak",
            t -> (in(t, "jailbreak") && ("jailbreak".equals(t.label()) || "injection".equals(t.label())))
                    || (oursFor(t, "jailbreak") && t.positive()),
            t -> benign(t) || (oursFor(t, "jailbreak") && !t.positive()),
            t -> false, // plain harmful requests are no false alarm for the guard: the head may flag them too
            0.02,
            Double.NaN,
            List.of(new Cap("benign/gsm8k_test.jsonl", "safe", "train", 250),
                    new Cap("benign/mbpp.jsonl", "safe", "train", 250)),
            // Attacks and the prompts that merely quote or discuss them share topics too; with the words the head is
            // what the one training command makes and no worse through the policy (classify.drl).
            true);

    public static final HeadSpec TOXICITY = new HeadSpec("toxicity", "toxic",
            t -> (in(t, "toxicity") && "toxic".equals(t.label())) || (oursFor(t, "toxicity") && t.positive()),
            t -> (in(t, "toxicity") && "ok".equals(t.label())) || (oursFor(t, "toxicity") && !t.positive())
                    || in(t, "benign"),
            t -> false,
            Double.NaN,
            // Best F1 on tweets alone let the head flag one everyday maths or writing prompt in ten.
            0.01,
            List.of(new Cap("toxicity/davidson_hate_offensive.jsonl", "toxic", "train", 2500),
                    new Cap("toxicity/davidson_hate_offensive.jsonl", "ok", "train", 2500),
                    new Cap("toxicity/davidson_hate_offensive.jsonl", "toxic", "dev", 1200),
                    new Cap("toxicity/davidson_hate_offensive.jsonl", "ok", "dev", 300),
                    // Maths word problems tell stories about people ("Meredith works long hours..."), and with
                    // only 40 of them the head read some as hostile; 250 of each keeps tweets the majority.
                    new Cap("benign/gsm8k_test.jsonl", "safe", "train", 250),
                    new Cap("benign/mbpp.jsonl", "safe", "train", 150),
                    new Cap("benign/gsm8k_test.jsonl", "safe", "dev", 40),
                    new Cap("benign/mbpp.jsonl", "safe", "dev", 40)),
            false);

    public static final List<HeadSpec> ALL = List.of(ACCEPTABLE_USE, JAILBREAK, TOXICITY);

    public static HeadSpec named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown semantic head '" + name + "'"));
    }
}
