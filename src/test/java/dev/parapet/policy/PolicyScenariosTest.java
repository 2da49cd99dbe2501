package dev.parapet.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.rails.RailConfigurations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every scenario in policies/tests against the policies in the repository, as the build gate. */
@QuarkusTest
class PolicyScenariosTest {

    private static final Path POLICIES = Path.of("policies");

    @Inject
    ScenarioRunner runner;

    @Inject
    RailConfigurations rails;

    private PolicySet set;
    private List<ScenarioResult> results;

    @BeforeEach
    void run() {
        set = new PolicyCompiler(Clock.systemUTC()).compile(PolicyCompiler.read(POLICIES));
        results = runner.run(set, POLICIES.resolve("tests"), rails.loadAll());
    }

    @Test
    void everyScenarioPasses() {
        String failures = results.stream().filter(r -> !r.passed())
                .map(r -> r.file() + " / " + r.name() + ": " + r.problems())
                .collect(Collectors.joining("\n"));
        assertTrue(results.size() > 100, "only " + results.size() + " cases");
        assertEquals("", failures, "failing scenario cases");
    }

    @Test
    void everyRuleFileIsExercisedByAScenario() {
        Set<String> fired = new HashSet<>();
        results.forEach(r -> fired.addAll(r.firedRules()));
        Set<String> filesFired = set.ruleFiles().entrySet().stream().filter(e -> fired.contains(e.getKey()))
                .map(java.util.Map.Entry::getValue).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(set.files()), filesFired);
    }

    @Test
    void everyAcceptableUseCategoryHasABlockingScenarioOnBothStages() {
        List<String> categories = List.of("violence_terrorism", "child_safety", "trafficking_sexual_exploitation",
                "sexual_solicitation", "other_crime", "harassment", "discrimination", "professional_advice", "privacy",
                "ip_infringement", "malware", "weapons", "illegal_drugs", "self_harm", "fraud_disinformation",
                "defamation", "impersonation", "spam", "unsafe");
        Set<String> names = results.stream().filter(ScenarioResult::passed).filter(r -> r.actual().equals("block"))
                .map(ScenarioResult::name).collect(Collectors.toSet());
        for (String category : categories) {
            for (String stage : List.of("input", "output")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(category + " at ") && n.contains(" on " + stage + " for default is blocked")),
                        "no passing block scenario for " + category + " on " + stage);
            }
        }
    }
}
