package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    @Test
    void aFormMayAskForAnotherWhileItIsComputed() {
        // Lexical features ask for tokens, the language guess for the decoded text: each form computed from
        // inside another. 200 nested keys share map bins for certain, which a computeIfAbsent inside
        // computeIfAbsent refuses with "Recursive update".
        TextAnalysis analysis = new TextAnalysis("some text");
        int depth = 200;
        assertEquals(depth, nested(analysis, depth));
    }

    private static int nested(TextAnalysis analysis, int level) {
        if (level == 0) {
            return 0;
        }
        return analysis.get(new TextAnalysis.Key<>("level-" + level, Integer.class), text -> nested(analysis, level - 1) + 1);
    }

    @Test
    void twoRailsAskingAtOnceComputeAFormOnce() throws Exception {
        TextAnalysis analysis = new TextAnalysis("some text");
        TextAnalysis.Key<String> key = new TextAnalysis.Key<>("slow", String.class);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> analysis.get(key, text -> {
                started.countDown();
                computed.incrementAndGet();
                sleep(200);
                return text.toUpperCase();
            }));
            started.await(5, TimeUnit.SECONDS);
            Future<String> second = pool.submit(() -> analysis.get(key, text -> {
                computed.incrementAndGet();
                return "second";
            }));
            assertEquals("SOME TEXT", first.get(5, TimeUnit.SECONDS));
            assertEquals("SOME TEXT", second.get(5, TimeUnit.SECONDS));
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureReachesTheCallerAsItWasThrown() {
        TextAnalysis analysis = new TextAnalysis("x");
        TextAnalysis.Key<String> key = new TextAnalysis.Key<>("broken", String.class);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> analysis.get(key, text -> { throw new IllegalArgumentException("model missing"); }));
        assertEquals("model missing", thrown.getMessage());
    }

    @Test
    void peekSeesOnlyFinishedForms() {
        TextAnalysis analysis = new TextAnalysis("x");
        TextAnalysis.Key<String> decoded = new TextAnalysis.Key<>("decoded", String.class);
        assertNull(analysis.peek(decoded));
        analysis.put(decoded, "plain");
        assertEquals("plain", analysis.peek(decoded));
        assertEquals("plain", analysis.get(decoded, text -> "recomputed"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
