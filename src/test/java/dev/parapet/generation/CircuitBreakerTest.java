package dev.parapet.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
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
    };

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        CircuitBreaker b = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 2; i++) {
            assertTrue(b.tryAcquire());
            b.onFailure();
        }
        assertTrue(b.tryAcquire());
        b.onSuccess();
        for (int i = 0; i < 3; i++) {
            assertTrue(b.tryAcquire());
            b.onFailure();
        }
        assertFalse(b.tryAcquire());
        assertEquals(Duration.ofSeconds(10), b.retryIn());
    }

    @Test
    void letsOneTrialThroughAfterOpenForAndClosesOnItsSuccess() {
        CircuitBreaker b = new CircuitBreaker(1, Duration.ofSeconds(10), clock);
        b.tryAcquire();
        b.onFailure();
        now = now.plusSeconds(9);
        assertFalse(b.tryAcquire());
        now = now.plusSeconds(2);
        assertTrue(b.tryAcquire(), "trial");
        assertFalse(b.tryAcquire(), "only one trial at a time");
        b.onSuccess();
        assertTrue(b.tryAcquire());
        assertFalse(b.isOpen());
    }

    @Test
    void failedTrialOpensAgainForTheFullPeriod() {
        CircuitBreaker b = new CircuitBreaker(5, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 5; i++) {
            b.tryAcquire();
            b.onFailure();
        }
        now = now.plusSeconds(11);
        assertTrue(b.tryAcquire());
        b.onFailure();
        assertFalse(b.tryAcquire());
        assertEquals(Duration.ofSeconds(10), b.retryIn());
    }

    @Test
    void neutralEndOfATrialAllowsAnotherTrial() {
        CircuitBreaker b = new CircuitBreaker(1, Duration.ofSeconds(1), clock);
        b.tryAcquire();
        b.onFailure();
        now = now.plusSeconds(2);
        assertTrue(b.tryAcquire());
        b.onNeutral();
        assertTrue(b.tryAcquire());
    }
}
