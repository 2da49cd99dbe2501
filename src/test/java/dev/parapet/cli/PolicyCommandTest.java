package dev.parapet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.policy.ScenarioRunner;
import dev.parapet.rails.RailConfigurations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a policy author sees from {@code policy test} and {@code policy validate}, and the exit codes. */
@QuarkusTest
class PolicyCommandTest {

    @Inject
    ScenarioRunner scenarios;

    @Inject
    RailConfigurations rails;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... args) {
        PolicyCommand command = new PolicyCommand(scenarios, rails, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return command.run(List.of(args));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRepositoryPoliciesPassWithExitCodeZero() {
        assertEquals(0, run("test", "policies"), output());
        assertTrue(output().contains(" 0 failed."), output());
        assertTrue(output().contains("pass   acceptable-use.yaml"), output());
    }

    @Test
    void aFailingCaseIsListedWithWhatDifferedAndExitsOne() throws IOException {
        Path copy = copyOfPolicies();
        Path scenario = copy.resolve("tests/personal-data.yaml");
        Files.writeString(scenario, Files.readString(scenario).replace("decision: mask\n      masks: [EMAIL]\n      notices: 1",
                "decision: allow\n      masks: [EMAIL]\n      notices: 1"));
        assertEquals(1, run("test", copy.toString()), output());
        assertTrue(output().contains("FAIL   personal-data.yaml       An email address in a prompt is masked and the user told"), output());
        assertTrue(output().contains("decision was mask, expected allow"), output());
    }

    @Test
    void rulesThatDoNotCompileAreNamedByFileAndLineAndExitTwo() throws IOException {
        Path copy = copyOfPolicies();
        Files.writeString(copy.resolve("broken.drl"), "package dev.parapet.policies;\n\nrule \"Oops\"\nwhen\n  FindingFact(\nthen\nend\n");
        assertEquals(2, run("test", copy.toString()), output());
        assertTrue(output().contains("broken.drl:"), output());
        printed.reset();
        assertEquals(1, run("validate", copy.resolve("broken.drl").toString()));
        assertTrue(output().contains("INVALID"), output());
        printed.reset();
        assertEquals(0, run("validate", "policies/classify.drl", "policies/acceptable-use.csv", "policies/toxicity-and-bias.xlsx"), output());
    }

    private static Path copyOfPolicies() throws IOException {
        Path to = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "policy-cli-");
        Path from = Path.of("policies");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
