package dev.parapet.policy;

import java.util.List;

/**
 * The outcome of one scenario case.
 *
 * @param problems what differed from the expectation; empty when the case passed
 */
public record ScenarioResult(String file, String name, String expected, String actual, List<String> firedRules,
                             List<String> problems) {

    public ScenarioResult {
        firedRules = List.copyOf(firedRules);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The failure as a policy error, for reload reports: file, no line, case name and what differed. */
    public PolicyError asError() {
        return new PolicyError("tests/" + file, 0, "scenario '" + name + "': " + String.join("; ", problems));
    }
}
