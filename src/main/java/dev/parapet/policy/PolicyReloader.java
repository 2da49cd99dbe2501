package dev.parapet.policy;

import dev.parapet.rails.RailConfiguration;
import dev.parapet.rails.RailConfigurationException;
import dev.parapet.rails.RailConfigurations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the policy set at start-up and whenever {@code policies/} or {@code rails/} change: compiles a
 * new rule base, runs every scenario against it, and only then swaps it in (with the new rail
 * configurations). A change that does not compile or fails a scenario leaves the last good version
 * serving; its errors (file, line, message) go to the log, to {@code parapet_policy_reload_failures_total}
 * and to {@code GET /admin/policies}.
 *
 * <p>Why polling with a content hash rather than a WatchService: policy folders arrive on shared volumes,
 * ConfigMaps (symlink swaps) and git checkouts, where file events are unreliable, and hashing a few
 * hundred kilobytes every two seconds costs nothing. Debounce: a change is loaded once the folders hashed
 * the same on two looks in a row, so an editor's save-in-three-steps is loaded once, complete.
 */
@ApplicationScoped
public class PolicyReloader {

    /** One attempt to load. {@code errors} is empty when it succeeded. */
    public record Attempt(Instant at, String trigger, boolean succeeded, String version, List<PolicyError> errors) {
        public Attempt {
            errors = List.copyOf(errors);
        }
    }

    private final DroolsPolicyEngine engine;
    private final RailConfigurations rails;
    private final ScenarioRunner scenarios;
    private final PolicyConfig config;
    private final Clock clock;
    private final PolicyCompiler compiler;
    private final Counter failures;
    private final Counter reloads;
    private final List<PolicySet> history = new ArrayList<>();
    private volatile Attempt lastAttempt;
    private volatile Attempt lastFailure;
    private String loadedFingerprint;
    private String pendingFingerprint;

    public PolicyReloader(DroolsPolicyEngine engine, RailConfigurations rails, ScenarioRunner scenarios,
                          PolicyConfig config, MeterRegistry registry) {
        this.engine = engine;
        this.rails = rails;
        this.scenarios = scenarios;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.compiler = new PolicyCompiler(clock);
        this.failures = Counter.builder("parapet.policy.reload.failures")
                .description("Policy or rail changes that were rejected (did not compile or failed a scenario)")
                .register(registry);
        this.reloads = Counter.builder("parapet.policy.reloads")
                .description("Policy or rail changes that were loaded").register(registry);
        Gauge.builder("parapet.policy.version.loaded.seconds", this,
                        r -> r.engine.serving() == null ? 0 : r.engine.serving().loadedAt().toEpochMilli() / 1000.0)
                .description("When the policy version now serving was loaded (epoch seconds)").register(registry);
        Gauge.builder("parapet.policy.rules", this, r -> r.engine.serving() == null ? 0 : r.engine.serving().ruleFiles().size())
                .description("Rules in the policy version now serving").register(registry);
        Gauge.builder("parapet.policy.last.reload.failed", this,
                        r -> r.lastAttempt != null && !r.lastAttempt.succeeded() ? 1 : 0)
                .description("1 when the last reload was rejected and an older version is still serving").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        reload("start-up");
    }

    /**
     * Looks for changes; loads once the folders stopped changing for one look. Not while the application
     * starts or stops: a look that began as it shut down failed with no container to run in.
     */
    @Scheduled(every = "${parapet.policies.poll-interval:2s}", delayed = "${parapet.policies.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (!config.watch()) {
            return;
        }
        String now = fingerprint();
        synchronized (this) {
            if (now.equals(loadedFingerprint)) {
                pendingFingerprint = null;
                return;
            }
            if (!now.equals(pendingFingerprint)) {
                pendingFingerprint = now;
                return;
            }
            pendingFingerprint = null;
        }
        reload("file change");
    }

    /** Compiles, tests and swaps in the policies and rails on disk; returns what happened. */
    public synchronized Attempt reload(String trigger) {
        String fingerprint = fingerprint();
        loadedFingerprint = fingerprint;
        Path dir = Path.of(config.dir());
        PolicySet candidate;
        Map<String, RailConfiguration> railSet;
        try {
            railSet = rails.loadAll();
            candidate = compiler.compile(PolicyCompiler.read(dir));
        } catch (RailConfigurationException e) {
            return failed(trigger, List.of(new PolicyError(e.file(), 0, e.getMessage())));
        } catch (PolicyRejected e) {
            return failed(trigger, e.errors());
        } catch (RuntimeException e) {
            return failed(trigger, List.of(new PolicyError(dir.toString(), 0, String.valueOf(e.getMessage()))));
        }
        List<ScenarioResult> results = scenarios.run(candidate, dir.resolve("tests"), railSet);
        List<PolicyError> failedCases = results.stream().filter(r -> !r.passed()).map(ScenarioResult::asError).toList();
        if (!failedCases.isEmpty()) {
            return failed(trigger, failedCases);
        }
        Log.infof("policy %s passed %d scenario cases from %s", candidate.hash(), results.size(), dir.resolve("tests"));
        rails.reload();
        PolicySet serving = engine.serving();
        if (serving != null && serving.hash().equals(candidate.hash())) {
            return succeeded(trigger, serving, false);
        }
        engine.swap(candidate);
        remember(candidate);
        return succeeded(trigger, candidate, true);
    }

    /** Serves an earlier version again (by full version or its hash); the files on disk are not touched. */
    public synchronized PolicySet rollback(String version) {
        for (int i = history.size() - 1; i >= 0; i--) {
            PolicySet set = history.get(i);
            if (set.version().equals(version) || set.hash().equals(version)) {
                engine.swap(set);
                Log.infof("policy rolled back to %s (%d rules)", set.version(), set.ruleFiles().size());
                lastAttempt = new Attempt(clock.instant(), "rollback", true, set.version(), List.of());
                return set;
            }
        }
        return null;
    }

    /** Loaded versions, oldest first; at most {@code parapet.policies.history} of them. */
    public synchronized List<PolicySet> history() {
        return List.copyOf(history);
    }

    public Attempt lastAttempt() {
        return lastAttempt;
    }

    /** The last rejected change, even if a later one loaded; null when none was ever rejected. */
    public Attempt lastFailure() {
        return lastFailure;
    }

    public PolicyCompiler compiler() {
        return compiler;
    }

    public Path dir() {
        return Path.of(config.dir());
    }

    private void remember(PolicySet set) {
        history.add(set);
        while (history.size() > Math.max(1, config.history())) {
            history.remove(0);
        }
    }

    private Attempt succeeded(String trigger, PolicySet set, boolean swapped) {
        reloads.increment();
        Attempt attempt = new Attempt(clock.instant(), trigger, true, set.version(), List.of());
        lastAttempt = attempt;
        if (swapped) {
            Log.infof("policy %s loaded (%s): %d rules from %d files", set.version(), trigger, set.ruleFiles().size(), set.files().size());
        } else {
            Log.infof("rails reloaded (%s); policy %s unchanged", trigger, set.version());
        }
        return attempt;
    }

    private Attempt failed(String trigger, List<PolicyError> errors) {
        failures.increment();
        Attempt attempt = new Attempt(clock.instant(), trigger, false, engine.version(), errors);
        lastAttempt = attempt;
        lastFailure = attempt;
        Log.errorf("policy change rejected (%s); still serving %s. %d problem(s):", trigger, engine.version(), errors.size());
        errors.stream().limit(20).forEach(e -> Log.errorf("  %s", e));
        return attempt;
    }

    /** A hash over every file under the policies and rails folders (names and bytes). */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path root : List.of(Path.of(config.dir()), rails.dir())) {
                if (!Files.isDirectory(root)) {
                    sha.update(("missing:" + root).getBytes());
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(root.relativize(p).toString().getBytes());
                        sha.update(Files.readAllBytes(p));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            // A file vanished mid-walk (an editor's swap); the next look sees the settled folder.
            return "unreadable:" + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
