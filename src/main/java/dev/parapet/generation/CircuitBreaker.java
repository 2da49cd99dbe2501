package dev.parapet.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a backend that keeps failing. After {@code threshold} consecutive failures the breaker
 * opens and calls fail at once; after {@code openFor} it lets one trial call through (half open): its
 * success closes the breaker, its failure opens it again.
 *
 * <p>Why our own: the rule is a dozen lines, time comes from an injected {@link Clock} so tests advance
 * it instead of sleeping, and the generator decides what counts as a failure (a model error is the
 * model talking, not the backend being down).
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;

    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** True when a call may go ahead; every admitted call must end in one of the {@code on...} methods. */
    public synchronized boolean tryAcquire() {
        if (openedAt == null) {
            return true;
        }
        if (trialInFlight || clock.instant().isBefore(openedAt.plus(openFor))) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    /** Time until the next trial call is allowed; zero when closed. */
    public synchronized Duration retryIn() {
        if (openedAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openedAt.plus(openFor));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized boolean isOpen() {
        return openedAt != null;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= threshold) {
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    /** The call ended without saying anything about the backend's health (e.g. the client went away). */
    public synchronized void onNeutral() {
        trialInFlight = false;
    }
}
