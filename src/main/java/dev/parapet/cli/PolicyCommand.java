package dev.parapet.cli;

import dev.parapet.policy.PolicyCompiler;
import dev.parapet.policy.PolicyError;
import dev.parapet.policy.PolicyRejected;
import dev.parapet.policy.PolicySet;
import dev.parapet.policy.ScenarioResult;
import dev.parapet.policy.ScenarioRunner;
import dev.parapet.rails.RailConfiguration;
import dev.parapet.rails.RailConfigurationException;
import dev.parapet.rails.RailConfigurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code policy test [DIR]}: compiles a policies folder and runs its scenarios, printing a pass/fail
 * table; exit code 0 when all pass, 1 when a case fails, 2 when the rules do not compile.
 * {@code policy validate FILE...}: checks single rule files without running anything.
 */
@ApplicationScoped
public class PolicyCommand implements CliCommand {

    private final ScenarioRunner scenarios;
    private final RailConfigurations rails;
    private final PrintStream out;

    @Inject
    public PolicyCommand(ScenarioRunner scenarios, RailConfigurations rails) {
        this(scenarios, rails, System.out);
    }

    PolicyCommand(ScenarioRunner scenarios, RailConfigurations rails, PrintStream out) {
        this.scenarios = scenarios;
        this.rails = rails;
        this.out = out;
    }

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public String summary() {
        return "policy test [DIR] | policy validate FILE...  (test or check policies without a server)";
    }

    @Override
    public int run(List<String> args) {
        if (args.isEmpty() || !List.of("test", "validate").contains(args.get(0))) {
            out.println("Usage: policy test [DIR]        run the scenarios in DIR/tests against the rules in DIR (default: policies)");
            out.println("       policy validate FILE...  check rule files (.drl, .csv, .xlsx) without loading them");
            return 2;
        }
        PolicyCompiler compiler = new PolicyCompiler(Clock.systemUTC());
        if ("validate".equals(args.get(0))) {
            return validate(compiler, args.subList(1, args.size()));
        }
        Path dir = Path.of(args.size() > 1 ? args.get(1) : "policies");
        return test(compiler, dir);
    }

    int test(PolicyCompiler compiler, Path dir) {
        PolicySet set;
        Map<String, RailConfiguration> railSet;
        try {
            set = compiler.compile(PolicyCompiler.read(dir));
            railSet = rails.loadAll();
        } catch (PolicyRejected e) {
            out.println("The rules in " + dir + " do not compile:");
            e.errors().forEach(err -> out.println("  " + err));
            return 2;
        } catch (RailConfigurationException e) {
            out.println("The rail configurations do not load: " + e.getMessage());
            return 2;
        }
        out.printf("Policy %s: %d rules from %s%n%n", set.version(), set.ruleFiles().size(), String.join(", ", set.files()));
        List<ScenarioResult> results = scenarios.run(set, dir.resolve("tests"), railSet);
        int width = Math.min(70, results.stream().mapToInt(r -> r.name().length()).max().orElse(10));
        out.printf("%-6s %-24s %-" + width + "s %-9s %-9s%n", "RESULT", "FILE", "CASE", "EXPECTED", "ACTUAL");
        int failed = 0;
        Set<String> fired = new HashSet<>();
        for (ScenarioResult r : results) {
            fired.addAll(r.firedRules());
            out.printf("%-6s %-24s %-" + width + "s %-9s %-9s%n", r.passed() ? "pass" : "FAIL", r.file(),
                    shorten(r.name(), width), r.expected(), r.actual());
            if (!r.passed()) {
                failed++;
                r.problems().forEach(p -> out.println("         - " + p));
            }
        }
        long unused = set.ruleFiles().keySet().stream().filter(rule -> !fired.contains(rule)).count();
        out.printf("%n%d cases, %d passed, %d failed. %d of %d rules fired in at least one case.%n",
                results.size(), results.size() - failed, failed, set.ruleFiles().size() - unused, set.ruleFiles().size());
        return failed == 0 ? 0 : 1;
    }

    int validate(PolicyCompiler compiler, List<String> files) {
        if (files.isEmpty()) {
            out.println("Name at least one file to validate.");
            return 2;
        }
        int bad = 0;
        for (String f : files) {
            Path p = Path.of(f);
            List<PolicyError> errors;
            try {
                errors = compiler.validate(p.getFileName().toString(), Files.readAllBytes(p));
            } catch (IOException e) {
                errors = List.of(new PolicyError(f, 0, "cannot read: " + e.getMessage()));
            }
            out.println((errors.isEmpty() ? "valid   " : "INVALID ") + f);
            errors.forEach(err -> out.println("  " + err));
            bad += errors.isEmpty() ? 0 : 1;
        }
        return bad == 0 ? 0 : 1;
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
