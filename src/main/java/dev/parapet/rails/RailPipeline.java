package dev.parapet.rails;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>How: a stage's time is set by its costly work (the shared sentence embedding, a guard model call).
 * The cheap lexical and pattern rails run meanwhile, in order, as one task on the pool (microseconds
 * each: one handoff for all of them). Rails whose cost is the shared embedding ({@link
 * Rail#sharesCostlyWork()}) run one after another on the caller's thread: the first pays for the
 * embedding, the others then cost a dot product or a short scan. A rail that is costly on its own (a
 * model call) runs as a pool task of its own, or on the caller's thread when no shared-work rail does.
 *
 * <p>Why this way (SemanticTierBenchmark, 1,000 characters, 2 cores): with the embedding on the pool,
 * a thread wake-up sat on the critical path (p99 14.4-16.6 ms, then); with each semantic rail as a pool
 * task of its own, they held pool threads waiting for the embedding and then woke one after another
 * (p99 12.8-13.9 ms); with the semantic rails in turn on the caller, p99 10.0-10.2 ms.
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

    /**
     * Runs every rail of {@code input.stage()} in {@code configuration} that runs on every text (not those
     * marked {@code when: asked}); throws {@link RailFailure} on any failure.
     */
    public List<Finding> run(RailConfiguration configuration, RailInput input) {
        return run(configuration.routine(input.stage()), input);
    }

    /**
     * Runs the rails of the stage that wait to be asked ({@code when: asked}) and whose ids the policy
     * named, after a first decision on the other rails' findings. Ids the configuration does not hold
     * there run nothing: a policy written for several configurations may ask where no such rail is.
     */
    public List<Finding> runAsked(RailConfiguration configuration, RailInput input, Collection<String> asked) {
        List<ConfiguredRail> rails = configuration.rails(input.stage()).stream()
                .filter(r -> r.whenAsked() && asked.contains(r.id()))
                .toList();
        return run(rails, input);
    }

    private List<Finding> run(List<ConfiguredRail> rails, RailInput input) {
        if (rails.isEmpty()) {
            return List.of();
        }
        List<Integer> shared = new ArrayList<>();
        List<Integer> costly = new ArrayList<>();
        List<Integer> cheap = new ArrayList<>();
        for (int i = 0; i < rails.size(); i++) {
            ConfiguredRail rail = rails.get(i);
            (!rail.costly() ? cheap : rail.sharesCostlyWork() ? shared : costly).add(i);
        }
        AtomicReferenceArray<List<Finding>> found = new AtomicReferenceArray<>(rails.size());
        if (costly.isEmpty() && shared.isEmpty()) {
            checkInOrder(rails, cheap, input, found);
            return flatten(found);
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        try {
            if (!cheap.isEmpty()) {
                pending.add(CompletableFuture.runAsync(() -> checkInOrder(rails, cheap, input, found), pool));
            }
            // On the caller: the shared-work rails in turn, or else the first rail that is costly on its own.
            List<Integer> onCaller = shared.isEmpty() ? costly.subList(0, 1) : shared;
            for (int i : shared.isEmpty() ? costly.subList(1, costly.size()) : costly) {
                pending.add(CompletableFuture.runAsync(() -> found.set(i, checked(rails.get(i), input)), pool));
            }
            checkInOrder(rails, onCaller, input, found);
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
