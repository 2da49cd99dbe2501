package dev.parapet.policy;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One policy decision with the default policy set (policies/, 100+ rules) for one request with the
 * findings a full rail stack reports for an ordinary prompt carrying an email address: low scores from
 * the content rails, a PII finding with a span, the detected language. Budget: p99 under 0.2 ms.
 * Compares a pooled stateful session (what the engine uses) with a fresh one per decision and a
 * stateless one.
 *
 * <p>Run: {@code ./mvnw -B -Pbench verify -Djmh.args="PolicyBenchmark -f 1 -wi 3 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class PolicyBenchmark {

    private PolicySet policies;
    private PolicyInput input;

    @Setup
    public void setUp() {
        // Log at INFO as the service does (quarkus.log.level). Outside Quarkus nothing configures the
        // log manager, and Drools' trace logging then formats every propagation: that costs ten times
        // the decision itself and would measure logging, not policy.
        LogContext.getLogContext().getLogger("").setLevel(Level.INFO);
        policies = new PolicyCompiler(Clock.systemUTC()).compile(PolicyCompiler.read(Path.of("policies")));
        List<Finding> findings = List.of(
                new Finding("pii", "email", 0.99, List.of(new Span(24, 41, "EMAIL")), "pattern:email"),
                new Finding("language", "eng", 0.97),
                new Finding("acceptable-use", "professional_advice", 0.22),
                new Finding("acceptable-use", "privacy", 0.12),
                new Finding("toxicity", "toxic", 0.08),
                new Finding("toxicity", "insult", 0.05),
                new Finding("bias", "stereotype", 0.03),
                new Finding("jailbreak", "prompt_injection", 0.04),
                new Finding("obfuscation", "invisible_characters", 0.0));
        RequestContext context = new RequestContext("bench", "app-1", "default", Set.of(), "default");
        input = new PolicyInput(Stage.INPUT, findings, context, new PolicyInput.TextStats(180, 34, 2, "und"));
        Decision check = DroolsPolicyEngine.evaluate(policies, input, DroolsPolicyEngine.SessionKind.POOLED);
        if (check.action() != Action.MASK) {
            throw new IllegalStateException("the benchmark input should be masked, was " + check.action());
        }
    }

    @Benchmark
    public Decision decidePooledSession() {
        return DroolsPolicyEngine.evaluate(policies, input, DroolsPolicyEngine.SessionKind.POOLED);
    }

    @Benchmark
    public Decision decideFreshSession() {
        return DroolsPolicyEngine.evaluate(policies, input, DroolsPolicyEngine.SessionKind.FRESH);
    }

    @Benchmark
    public Decision decideStatelessSession() {
        return DroolsPolicyEngine.evaluate(policies, input, DroolsPolicyEngine.SessionKind.STATELESS);
    }
}
