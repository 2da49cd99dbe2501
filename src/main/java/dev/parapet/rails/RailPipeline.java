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
 * <p>Why the first rail runs on the caller's thread: rails listed first are the cheap lexical ones, and
 * handing them to the pool would cost more than running them. The others go to a shared pool so a slow
 * semantic rail overlaps with the rest.
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
        for (int i = 1; i < rails.size(); i++) {
            ConfiguredRail rail = rails.get(i);
            pending.add(CompletableFuture.supplyAsync(() -> checked(rail, input), pool));
        }
        List<Finding> findings = new ArrayList<>(checked(rails.get(0), input));
        for (CompletableFuture<List<Finding>> future : pending) {
            try {
                findings.addAll(future.join());
            } catch (CompletionException e) {
                pending.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof RailFailure failure ? failure
                        : new RailFailure("?", "failed: " + e.getCause(), e.getCause());
            }
        }
        return List.copyOf(findings);
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
