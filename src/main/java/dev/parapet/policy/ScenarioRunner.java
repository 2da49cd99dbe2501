package dev.parapet.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.rails.Finding;
import dev.parapet.rails.RailConfiguration;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.RailPipeline;
import dev.parapet.rails.Span;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the scenarios of {@code policies/tests/} against a compiled {@link PolicySet} that need not be
 * serving yet: the reloader runs them before every swap, the {@code policy test} command and the
 * build run them too. Cases with a {@code text} go through the rails of their configuration first.
 */
@ApplicationScoped
public class ScenarioRunner {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RailPipeline rails;

    public ScenarioRunner(RailPipeline rails) {
        this.rails = rails;
    }

    /** Runs every {@code *.yaml} in {@code testsDir}; a file that cannot be read is one failed case. */
    public List<ScenarioResult> run(PolicySet set, Path testsDir, Map<String, RailConfiguration> configurations) {
        List<ScenarioResult> results = new ArrayList<>();
        if (!Files.isDirectory(testsDir)) {
            return results;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(testsDir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".+\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Scenario scenario;
            try {
                scenario = YAML.readValue(file.toFile(), Scenario.class);
            } catch (IOException e) {
                results.add(new ScenarioResult(name, "(file)", "readable YAML", "unreadable", List.of(),
                        List.of(e.getMessage().lines().findFirst().orElse("unreadable"))));
                continue;
            }
            for (Scenario.Case c : scenario.cases()) {
                results.add(runCase(set, name, c, configurations));
            }
        }
        return results;
    }

    ScenarioResult runCase(PolicySet set, String file, Scenario.Case c, Map<String, RailConfiguration> configurations) {
        String name = c.name() == null ? "(unnamed)" : c.name();
        Scenario.Expect expect = c.expect();
        if (expect == null || expect.decision() == null) {
            return new ScenarioResult(file, name, "?", "?", List.of(), List.of("the case has no 'expect: decision:'"));
        }
        Decision decision;
        try {
            Stage stage = Stage.fromWire(c.stage());
            RequestContext context = new RequestContext("scenario", "scenario", c.tenant(), c.roles(), c.config());
            List<Finding> findings = new ArrayList<>();
            c.findings().forEach(f -> findings.add(f.toFinding()));
            String text = c.text() == null ? "" : c.text();
            if (c.text() != null) {
                RailConfiguration configuration = configurations.get(context.configName());
                if (configuration == null) {
                    throw new IllegalArgumentException("no guard configuration '" + context.configName() + "'");
                }
                findings.addAll(rails.run(configuration, new RailInput(stage, text, context)));
            }
            PolicyInput.TextStats stats = PolicyInput.TextStats.of(text, c.turns());
            stats = new PolicyInput.TextStats(stats.characters(), stats.words(), stats.turns(), c.language());
            // Rails held back to be asked are not run here (a guard model is a remote call): a case shows that
            // a rule asks by the rule's name, and gives the asked rail's answer as findings of its own.
            RailConfiguration named = configurations.get(context.configName());
            List<String> askable = named == null ? List.of() : named.askable(stage);
            decision = DroolsPolicyEngine.evaluate(set, new PolicyInput(stage, findings, context, stats, askable),
                    DroolsPolicyEngine.SessionKind.POOLED);
        } catch (RuntimeException e) {
            return new ScenarioResult(file, name, expect.decision(), "error", List.of(), List.of("could not run: " + e.getMessage()));
        }
        return new ScenarioResult(file, name, expect.decision(), decision.action().wireName(), decision.firedRules(),
                problems(expect, decision));
    }

    static List<String> problems(Scenario.Expect expect, Decision d) {
        List<String> problems = new ArrayList<>();
        Action wanted;
        try {
            wanted = Action.fromWire(expect.decision());
        } catch (IllegalArgumentException e) {
            return List.of("unknown decision '" + expect.decision() + "' (allow, notice, mask, escalate or block)");
        }
        if (d.action() != wanted) {
            problems.add("decision was " + d.action().wireName() + ", expected " + wanted.wireName());
        }
        if (expect.refused() != null && expect.refused() != d.refused()) {
            problems.add("refused was " + d.refused() + ", expected " + expect.refused());
        }
        for (String rule : expect.fired()) {
            if (!d.firedRules().contains(rule)) {
                problems.add("rule did not fire: \"" + rule + "\"");
            }
        }
        for (String rule : expect.notFired()) {
            if (d.firedRules().contains(rule)) {
                problems.add("rule fired but must not: \"" + rule + "\"");
            }
        }
        if (expect.messageContains() != null && !d.message().toLowerCase(Locale.ROOT)
                .contains(expect.messageContains().toLowerCase(Locale.ROOT))) {
            problems.add("message \"" + d.message() + "\" does not contain \"" + expect.messageContains() + "\"");
        }
        if (expect.masks() != null) {
            List<String> labels = d.masks().stream().map(Span::label).sorted().toList();
            List<String> wantedLabels = expect.masks().stream().sorted().toList();
            if (!labels.equals(wantedLabels)) {
                problems.add("masked " + labels + ", expected " + wantedLabels);
            }
        }
        if (expect.notices() != null && expect.notices() != d.notices().size()) {
            problems.add(d.notices().size() + " notices, expected " + expect.notices());
        }
        return problems;
    }
}
