package dev.parapet.rails;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Says at start-up when the JVM runs a garbage collector that costs the rails their latency budget.
 *
 * <p>Why: on a machine with two cores the JVM picks G1, whose concurrent threads and write barriers compete
 * with the sentence embedding for the same two cores. SemanticTierBenchmark (pipeline, 1,000 characters,
 * five alternating runs on this 2-core machine) measured p50/p99 10.5/13.7 and 10.6/11.8 ms under G1
 * against 9.3/11.4 and 9.5/10.9 ms under the parallel collector. The flag has to be on the java command
 * line, so the most the service can do is say so.
 */
@ApplicationScoped
public class CollectorAdvice {

    static final int FEW_CORES = 2;

    void onStart(@Observes StartupEvent event) {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList();
        advice(collectors, Runtime.getRuntime().availableProcessors()).ifPresent(Log::warn);
    }

    /** The warning to log for these collector names on this many cores, if any. */
    static Optional<String> advice(List<String> collectorNames, int cores) {
        boolean g1 = collectorNames.stream().anyMatch(name -> name.startsWith("G1 "));
        if (!g1 || cores > FEW_CORES) {
            return Optional.empty();
        }
        return Optional.of("The JVM runs the G1 collector on " + cores + (cores == 1 ? " core" : " cores")
                + ": it adds about 1 ms to the median rail latency and more to p99."
                + " Start the service with java -XX:+UseParallelGC -jar target/quarkus-app/quarkus-run.jar.");
    }
}
