package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorAdviceTest {

    private static final List<String> G1 = List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation");
    private static final List<String> PARALLEL = List.of("PS MarkSweep", "PS Scavenge");

    @Test
    void g1OnTwoCoresIsReportedWithTheFlagThatHelps() {
        String advice = CollectorAdvice.advice(G1, 2).orElseThrow();
        assertTrue(advice.contains("G1 collector on 2 cores"), advice);
        assertTrue(advice.contains("-XX:+UseParallelGC"), advice);
    }

    @Test
    void theParallelCollectorOrMoreCoresNeedNoAdvice() {
        assertTrue(CollectorAdvice.advice(PARALLEL, 2).isEmpty());
        assertTrue(CollectorAdvice.advice(List.of("Copy", "MarkSweepCompact"), 1).isEmpty());
        assertTrue(CollectorAdvice.advice(G1, 8).isEmpty());
    }

    @Test
    void oneCoreIsSaidInTheSingular() {
        assertEquals(true, CollectorAdvice.advice(G1, 1).orElseThrow().contains("on 1 core:"));
    }
}
