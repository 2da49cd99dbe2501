package dev.parapet.generation;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on generations running against one backend, with a short queue in front: a call beyond
 * {@code maxInFlight} waits up to {@code queueWait} if fewer than {@code queue} are already waiting,
 * otherwise it is refused at once with {@link GenerationException.Overloaded}. A GPU serving a 70B model
 * has a fixed batch; piling requests on it only turns every answer into a timeout.
 */
public final class InFlightLimit {

    /** Held for the length of one generation; {@link #release()} is idempotent. */
    public static final class Permit {
        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }

    private final Semaphore slots;
    private final int queue;
    private final Duration queueWait;
    private final Duration retryAfter;
    private final AtomicInteger waiting = new AtomicInteger();

    public InFlightLimit(int maxInFlight, int queue, Duration queueWait, Duration retryAfter) {
        if (maxInFlight < 1 || queue < 0) {
            throw new IllegalArgumentException("maxInFlight must be at least 1 and queue not negative");
        }
        this.slots = new Semaphore(maxInFlight, true);
        this.queue = queue;
        this.queueWait = queueWait;
        this.retryAfter = retryAfter;
    }

    public Permit acquire() {
        if (slots.tryAcquire()) {
            return new Permit(slots);
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            throw overloaded("all " + slots.availablePermits() + " slots busy and the queue is full");
        }
        try {
            if (slots.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Permit(slots);
            }
            throw overloaded("no generation slot freed within " + queueWait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overloaded("interrupted while queued");
        } finally {
            waiting.decrementAndGet();
        }
    }

    public int available() {
        return slots.availablePermits();
    }

    private GenerationException.Overloaded overloaded(String why) {
        return new GenerationException.Overloaded("Too many generations in flight (" + why + ")", retryAfter);
    }
}
