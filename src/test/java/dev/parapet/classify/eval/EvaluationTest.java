package dev.parapet.classify.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static LabelledRow row(String text, String label, String group) {
        return new LabelledRow(text, label, List.of("cat-" + label), "test", "dev", group + "/f.jsonl", group, false);
    }

    @Test
    void countsPrecisionRecallAndFalsePositiveRate() {
        Dataset rows = new Dataset(List.of(
                row("bad one", "unsafe", "acceptable_use"), row("bad two", "unsafe", "acceptable_use"),
                row("bad three", "unsafe", "acceptable_use"), row("fine one", "safe", "benign"),
                row("fine two bad", "safe", "benign"), row("fine three", "safe", "benign"), row("fine four", "safe", "benign")));
        // The guard flags any text containing "bad": 3 true positives, 1 false positive in 4 negatives.
        Evaluation.Result r = Evaluation.run("test", rows, text -> text.contains("bad") && !text.equals("bad three"),
                Evaluation::isBenignPrompt);
        assertEquals(2.0 / 3, r.total().recall(), 1e-9);
        assertEquals(2.0 / 3, r.total().precision(), 1e-9);
        assertEquals(0.25, r.total().fpr(), 1e-9);
        assertEquals(0.25, r.benign().fpr(), 1e-9);
        assertEquals(2, r.byFile().get("acceptable_use/f.jsonl").categoryHits(1, 5).get("cat-unsafe")[0]);
        assertEquals(7, r.latenciesNanos().length);
    }
}
