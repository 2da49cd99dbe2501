package dev.parapet.generation.triton;

import static dev.parapet.generation.triton.TritonGeneratorNemoTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.Generator;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each way Triton can fail, ending in its documented exception (and so its HTTP status): unreachable or
 * dropped = Unavailable (503), deadline = Timeout (504), model error = ModelError (502), too many at once
 * = Overloaded (429). Streams also check what reached the consumer before the failure.
 */
class TritonGeneratorFaultTest {

    private FakeTriton fake;
    private TritonGenerator generator;

    private void start(FakeModels.ModelSpec model, String... config) {
        fake = new FakeTriton(model);
        generator = new TritonGenerator(TritonTestConfig.of(fake, config));
    }

    @AfterEach
    void stop() {
        if (generator != null) {
            generator.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void unavailableOnceIsRetriedOnce() {
        start(FakeModels.trtllm("2025-05"));
        fake.reply("after retry").fault(FakeTriton.Fault.UNAVAILABLE, 1);
        assertEquals("after retry", generator.generate(plain()).text());
        assertEquals(2, fake.received().size());
    }

    @Test
    void unavailableTwiceIsUnavailableAfterExactlyOneRetry() {
        start(FakeModels.trtllm("2025-05"));
        fake.fault(FakeTriton.Fault.UNAVAILABLE, 5);
        assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
        assertEquals(2, fake.received().size());
    }

    @Test
    void internalErrorIsNotRetried() {
        start(FakeModels.trtllm("2025-05"));
        fake.fault(FakeTriton.Fault.ERROR_MIDWAY, 1);
        assertThrows(GenerationException.ModelError.class, () -> generator.generate(plain()));
        assertEquals(1, fake.received().size());
    }

    @Test
    void streamUnavailableBeforeAnyTextIsRetried() {
        start(FakeModels.trtllm("2025-05").decoupled(true));
        fake.chunks("a ", "b").fault(FakeTriton.Fault.UNAVAILABLE, 1);
        assertEquals(List.of("a ", "b"), collect(generator, new CopyOnWriteArrayList<>()));
        assertEquals(2, fake.received().size());
    }

    @Test
    void streamDroppedAfterTextIsUnavailableAndNotRetried() {
        start(FakeModels.trtllm("2025-05").decoupled(true));
        fake.chunks("first ", "second ", "third").fault(FakeTriton.Fault.DROP_STREAM, 1).faultAfterChunks(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThrows(GenerationException.Unavailable.class, () -> collect(generator, seen));
        assertEquals(List.of("first "), seen);
        assertEquals(1, fake.received().size(), "no retry once text was produced");
    }

    @Test
    void streamClosedWithoutFinalResponseIsUnavailable() {
        start(FakeModels.nemo("2.2").decoupled(true));
        fake.chunks("one ", "two").fault(FakeTriton.Fault.CLOSE_EARLY, 1).faultAfterChunks(1);
        assertThrows(GenerationException.Unavailable.class, () -> collect(generator, new CopyOnWriteArrayList<>()));
    }

    @Test
    void inBandErrorMidwayIsAModelError() {
        start(FakeModels.trtllm("2025-05").decoupled(true));
        fake.chunks("ok ", "then ", "broken").fault(FakeTriton.Fault.ERROR_MIDWAY, 1).faultAfterChunks(2);
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThrows(GenerationException.ModelError.class, () -> collect(generator, seen));
        assertEquals(List.of("ok ", "then "), seen);
    }

    @Test
    void deadlineIsATimeout() {
        start(FakeModels.trtllm("2025-05"), "deadline", "300ms");
        fake.latency(Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        assertThrows(GenerationException.Timeout.class, () -> generator.generate(plain()));
        assertTrue(System.nanoTime() - t0 < Duration.ofMillis(1500).toNanos(), "the deadline, not the server, ended the call");
    }

    @Test
    void streamDeadlineIsATimeout() {
        start(FakeModels.trtllm("2025-05").decoupled(true), "deadline", "300ms");
        fake.chunks("slow ", "stream").chunkDelay(Duration.ofSeconds(2));
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThrows(GenerationException.Timeout.class, () -> collect(generator, seen));
        assertEquals(List.of("slow "), seen);
    }

    @Test
    void nothingListeningIsUnavailableAndNotReady() throws Exception {
        String target;
        try (ServerSocket s = new ServerSocket(0)) {
            target = "localhost:" + s.getLocalPort();
        }
        fake = new FakeTriton(FakeModels.nemo("2.2"));
        generator = new TritonGenerator(TritonTestConfig.of(fake, "target", target, "probe-deadline", "500ms"));
        assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
        Generator.Readiness readiness = generator.readiness();
        assertFalse(readiness.ready());
        assertTrue(readiness.reason().contains(target), readiness.reason());
    }

    @Test
    void readinessSaysWhetherServerOrModelIsNotReady() {
        start(FakeModels.nemo("2.2"));
        assertTrue(generator.readiness().ready());
        fake.modelReady(false);
        assertFalse(generator.readiness().ready());
        assertTrue(generator.readiness().reason().contains("model"), generator.readiness().reason());
        fake.serverReady(false);
        assertTrue(generator.readiness().reason().contains("server"), generator.readiness().reason());
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndLetsATrialThroughLater() {
        MutableClock clock = new MutableClock();
        fake = new FakeTriton(FakeModels.trtllm("2025-05"));
        generator = new TritonGenerator(TritonTestConfig.of(fake, "breaker.failure-threshold", "2", "breaker.open-for", "30s"), clock);
        fake.fault(FakeTriton.Fault.UNAVAILABLE, 4);
        assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
        assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
        assertEquals(4, fake.received().size());
        GenerationException open = assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
        assertTrue(open.getMessage().contains("circuit open"), open.getMessage());
        assertEquals(4, fake.received().size(), "an open circuit sends nothing");
        clock.advance(Duration.ofSeconds(31));
        fake.reply("recovered");
        assertEquals("recovered", generator.generate(plain()).text());
        assertEquals("recovered", generator.generate(plain()).text());
    }

    @Test
    void tooManyInFlightIsOverloadedWithRetryAfter() throws Exception {
        start(FakeModels.trtllm("2025-05"), "limits.max-in-flight", "1", "limits.queue", "0", "limits.retry-after", "3s");
        fake.latency(Duration.ofMillis(800));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> generator.generate(plain()).text());
        while (fake.received().isEmpty()) {
            Thread.sleep(5);
        }
        GenerationException.Overloaded e = assertThrows(GenerationException.Overloaded.class, () -> generator.generate(plain()));
        assertEquals(Duration.ofSeconds(3), e.retryAfter());
        assertEquals(1, fake.received().size());
        first.get();
        fake.reply("free again");
        assertEquals("free again", generator.generate(plain()).text());
    }

    @Test
    void queuedCallWaitsForAFreeSlot() throws Exception {
        start(FakeModels.trtllm("2025-05"), "limits.max-in-flight", "1", "limits.queue", "1", "limits.queue-wait", "5s");
        fake.latency(Duration.ofMillis(300));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> generator.generate(plain()).text());
        while (fake.received().isEmpty()) {
            Thread.sleep(5);
        }
        assertEquals(first.get(), generator.generate(plain()).text());
    }

    private static List<String> collect(TritonGenerator generator, List<String> seen) {
        generator.stream(plain()).map(GenerationChunk::delta).invoke(seen::add).collect().asList().await().indefinitely();
        return seen;
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
