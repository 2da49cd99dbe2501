package dev.parapet.policy;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import java.util.List;

/**
 * One rail finding as rules see it: {@code FindingFact(rail == "pii", category == "email", score >= 0.5)}.
 *
 * <p>Why a class with getters and not the {@link Finding} record: DRL constraints read JavaBean
 * properties ({@code score} means {@code getScore()}), and authors should not have to write
 * {@code score()}. {@code FactsTest} proves a rule can read every property.
 */
public final class FindingFact {

    private final Finding finding;
    private final String stage;

    public FindingFact(Finding finding, String stage) {
        this.finding = finding;
        this.stage = stage;
    }

    /** The rail that measured, for example {@code pii} or {@code acceptable-use}. */
    public String getRail() {
        return finding.rail();
    }

    /** What it measured, in the vocabulary of docs/categories.md. */
    public String getCategory() {
        return finding.category();
    }

    /** Confidence in [0, 1]. */
    public double getScore() {
        return finding.score();
    }

    /** Where in the text; empty for whole-text measures. */
    public List<Span> getSpans() {
        return finding.spans();
    }

    /** How many places in the text the rail pointed at. */
    public int getSpanCount() {
        return finding.spans().size();
    }

    /** A short, non-sensitive explanation from the rail (a list name, a pattern id). */
    public String getEvidence() {
        return finding.evidence();
    }

    /** {@code input} or {@code output}: the stage this finding was made at. */
    public String getStage() {
        return stage;
    }

    public Finding finding() {
        return finding;
    }

    @Override
    public String toString() {
        return "FindingFact[" + finding.rail() + "/" + finding.category() + " " + finding.score() + "]";
    }
}
