package dev.parapet.rails;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the rails of one stage of a configuration over one text, concurrently, and checks that each
 * kept its contract. Findings come back in the configuration's rail order, whatever order the rails
 * finished in, so decisions and audit records are deterministic.
 *
 * <p>Why costly rails go to the pool first and cheap ones stay on the caller's thread: a stage's time is
 * set by its slowest rail (the shared sentence embedding, a guard model call), so that one starts at
 * once, and the lexical and pattern rails, which take microseconds each, run meanwhile where handing
 * them to another thread would cost more than running them.
 */
@ApplicationScoped
public class RailPipeline {

    private final ExecutorService pool;

    public RailPipeline(RailsConfig config) {
        int threads = config.threads() > 0 ? config.threads() : Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "parapet-rail-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Runs every rail of {@code input.stage()} in {@code configuration}; throws {@link RailFailure} on any failure. */
    public List<Finding> run(RailConfiguration configuration, RailInput input) {
        List<ConfiguredRail> rails = configuration.rails(input.stage());
        if (rails.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<List<Finding>>> pending = new ArrayList<>(rails.size());
        for (ConfiguredRail rail : rails) {
            pending.add(rail.costly() ? CompletableFuture.supplyAsync(() -> checked(rail, input), pool) : null);
        }
        List<Finding> findings = new ArrayList<>();
        try {
            for (int i = 0; i < rails.size(); i++) {
                if (pending.get(i) == null) {
                    pending.set(i, CompletableFuture.completedFuture(checked(rails.get(i), input)));
                }
            }
            for (CompletableFuture<List<Finding>> future : pending) {
                findings.addAll(future.join());
            }
        } catch (RailFailure e) {
            cancel(pending);
            throw e;
        } catch (CompletionException e) {
            cancel(pending);
            throw e.getCause() instanceof RailFailure failure ? failure
                    : new RailFailure("?", "failed: " + e.getCause(), e.getCause());
        }
        return List.copyOf(findings);
    }

    private static void cancel(List<CompletableFuture<List<Finding>>> pending) {
        pending.forEach(f -> {
            if (f != null) {
                f.cancel(true);
            }
        });
    }

    static List<Finding> checked(ConfiguredRail rail, RailInput input) {
        List<Finding> found;
        try {
            found = rail.check(input);
        } catch (RailFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RailFailure(rail.id(), "failed: " + e, e);
        }
        if (found == null) {
            throw new RailFailure(rail.id(), "returned null instead of a list of findings");
        }
        int length = input.text().length();
        for (Finding f : found) {
            if (!rail.id().equals(f.rail())) {
                throw new RailFailure(rail.id(), "reported a finding under another rail's name '" + f.rail() + "'");
            }
            if (!(f.score() >= 0.0 && f.score() <= 1.0)) {
                throw new RailFailure(rail.id(), "score " + f.score() + " for '" + f.category() + "' is outside [0, 1]");
            }
            for (Span s : f.spans()) {
                if (s.end() > length) {
                    throw new RailFailure(rail.id(), "span [" + s.start() + ", " + s.end() + ") leaves the text of length " + length);
                }
            }
        }
        return found;
    }
}
