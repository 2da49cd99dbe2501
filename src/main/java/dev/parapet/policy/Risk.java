package dev.parapet.policy;

/**
 * A conclusion the classifying rules (policies/classify.drl) draw from findings, such as
 * "high-risk injection" or "personal data". Acting rules match on it so that a threshold lives in
 * exactly one rule: {@code Risk(name == "secret", $f : finding)}.
 */
public final class Risk {

    private final String name;
    private final FindingFact finding;

    public Risk(String name, FindingFact finding) {
        this.name = name;
        this.finding = finding;
    }

    public String getName() {
        return name;
    }

    /** The finding that the conclusion rests on; acting on the risk acts on this finding. */
    public FindingFact getFinding() {
        return finding;
    }

    public double getScore() {
        return finding.getScore();
    }

    public String getCategory() {
        return finding.getCategory();
    }

    @Override
    public String toString() {
        return "Risk[" + name + " from " + finding + "]";
    }
}
