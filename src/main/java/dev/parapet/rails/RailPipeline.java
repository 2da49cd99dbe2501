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
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the rails of one stage of a configuration over one text, concurrently, and checks that each
 * kept its contract. Findings come back in the configuration's rail order, whatever order the rails
 * finished in, so decisions and audit records are deterministic.
 *
 * <p>How: a stage's time is set by its slowest rail (the shared sentence embedding, a guard model call),
 * so the first costly rail runs at once on the caller's thread; the cheap lexical and pattern rails run
 * meanwhile, in order, as one task on the pool (microseconds each: one handoff for all of them), and
 * any further costly rails as tasks of their own. Why the costly rail stays on the caller: handing it
 * to the pool put a thread wake-up on the critical path, which showed in the latency tail (p99 of the
 * default stage 14.4-16.6 ms with the embedding on the pool, 13.4-14.8 ms run sequentially, 12.5-13.3 ms
 * this way; SemanticTierBenchmark).
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
        List<Integer> costly = new ArrayList<>();
        List<Integer> cheap = new ArrayList<>();
        for (int i = 0; i < rails.size(); i++) {
            (rails.get(i).costly() ? costly : cheap).add(i);
        }
        AtomicReferenceArray<List<Finding>> found = new AtomicReferenceArray<>(rails.size());
        if (costly.isEmpty()) {
            checkInOrder(rails, cheap, input, found);
            return flatten(found);
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        try {
            if (!cheap.isEmpty()) {
                pending.add(CompletableFuture.runAsync(() -> checkInOrder(rails, cheap, input, found), pool));
            }
            for (int i : costly.subList(1, costly.size())) {
                pending.add(CompletableFuture.runAsync(() -> found.set(i, checked(rails.get(i), input)), pool));
            }
            int first = costly.get(0);
            found.set(first, checked(rails.get(first), input));
            for (CompletableFuture<?> future : pending) {
                future.join();
            }
        } catch (RailFailure e) {
            cancel(pending);
            throw e;
        } catch (CompletionException e) {
            cancel(pending);
            throw e.getCause() instanceof RailFailure failure ? failure
                    : new RailFailure("?", "failed: " + e.getCause(), e.getCause());
        }
        return flatten(found);
    }

    private static void checkInOrder(List<ConfiguredRail> rails, List<Integer> which, RailInput input,
                                     AtomicReferenceArray<List<Finding>> found) {
        for (int i : which) {
            found.set(i, checked(rails.get(i), input));
        }
    }

    private static List<Finding> flatten(AtomicReferenceArray<List<Finding>> found) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < found.length(); i++) {
            findings.addAll(found.get(i));
        }
        return List.copyOf(findings);
    }

    private static void cancel(List<CompletableFuture<?>> pending) {
        pending.forEach(f -> f.cancel(true));
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
