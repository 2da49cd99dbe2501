package dev.parapet.classify.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a head's threshold is chosen on dev: within a false-positive budget, best F1, and a benign-prompt limit. */
class OperatingPointTest {

    // Four positives and six negatives; the negatives at 0.55 and 0.7 are benign prompts, the rest tweets.
    private final double[] scores = {0.9, 0.8, 0.6, 0.5, 0.7, 0.55, 0.45, 0.3, 0.2, 0.1};
    private final boolean[] positive = {true, true, true, true, false, false, false, false, false, false};
    private final boolean[] benignPrompt = {false, false, false, false, true, true, false, false, false, false};

    @Test
    void withinABudgetTheLowestThresholdThatKeepsTheFalsePositiveRateWins() {
        double t = OperatingPoint.choose(scores, positive, 1.0 / 6);
        // One false positive of six is allowed: the threshold may sit below 0.7 but not below 0.55.
        assertTrue(t > 0.55 && t <= 0.6, "threshold " + t);
    }

    @Test
    void bestF1WithoutABudget() {
        double t = OperatingPoint.choose(scores, positive, Double.NaN);
        BinaryMetrics m = BinaryMetrics.of(scores, positive, t);
        assertTrue(m.f1() >= 0.8, "F1 " + m.f1());
    }

    @Test
    void aBenignPromptLimitMovesTheThresholdAboveEveryFlaggedPrompt() {
        double free = OperatingPoint.choose(scores, positive, Double.NaN);
        double limited = OperatingPoint.choose(scores, positive, Double.NaN, benignPrompt, 0.0);
        assertTrue(free <= 0.55, "without the limit the best-F1 threshold flags a benign prompt: " + free);
        assertTrue(limited > 0.7, "with a zero limit no benign prompt may be flagged: " + limited);
        assertEquals(0.0, OperatingPoint.promptFpr(scores, benignPrompt, limited));
    }
}
