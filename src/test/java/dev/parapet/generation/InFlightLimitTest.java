package dev.parapet.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void refusesAtOnceWhenSlotsAndQueueAreFull() {
        InFlightLimit limit = new InFlightLimit(2, 0, Duration.ofSeconds(5), Duration.ofSeconds(4));
        limit.acquire();
        limit.acquire();
        long t0 = System.nanoTime();
        GenerationException.Overloaded e = assertThrows(GenerationException.Overloaded.class, limit::acquire);
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "no waiting without a queue");
        assertEquals(Duration.ofSeconds(4), e.retryAfter());
    }

    @Test
    void queuedCallGivesUpAfterQueueWait() {
        InFlightLimit limit = new InFlightLimit(1, 1, Duration.ofMillis(100), Duration.ofSeconds(1));
        limit.acquire();
        assertThrows(GenerationException.Overloaded.class, limit::acquire);
    }

    @Test
    void releaseIsIdempotent() {
        InFlightLimit limit = new InFlightLimit(1, 0, Duration.ZERO, Duration.ofSeconds(1));
        InFlightLimit.Permit p = limit.acquire();
        p.release();
        p.release();
        assertEquals(1, limit.available());
    }
}
