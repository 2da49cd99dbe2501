package dev.parapet.generation;

import io.smallrye.mutiny.Multi;
import java.util.function.Supplier;

/**
 * What every remote generator puts around a call: the circuit breaker first (fail fast while the backend
 * keeps failing), then the in-flight bound, and afterwards the verdict for the breaker. Only
 * {@link GenerationException.Unavailable} and {@link GenerationException.Timeout} count as failures; a
 * model error is the backend answering, and a cancelled stream says nothing about it.
 */
public final class GenerationGuard {

    private final String backend;
    private final CircuitBreaker breaker;
    private final InFlightLimit limit;

    public GenerationGuard(String backend, CircuitBreaker breaker, InFlightLimit limit) {
        this.backend = backend;
        this.breaker = breaker;
        this.limit = limit;
    }

    public <T> T call(Supplier<T> call) {
        InFlightLimit.Permit permit = admit();
        try {
            T result = call.get();
            breaker.onSuccess();
            return result;
        } catch (RuntimeException e) {
            record(e, false);
            throw e;
        } finally {
            permit.release();
        }
    }

    /** The stream, admitted when subscribed; the slot is held until it completes, fails or is cancelled. */
    public <T> Multi<T> stream(Supplier<Multi<T>> stream) {
        return Multi.createFrom().deferred(() -> {
            InFlightLimit.Permit permit = admit();
            return stream.get().onTermination().invoke((failure, cancelled) -> {
                permit.release();
                record(failure, cancelled);
            });
        });
    }

    private InFlightLimit.Permit admit() {
        if (!breaker.tryAcquire()) {
            throw new GenerationException.Unavailable(backend + " circuit open after repeated failures; next try in "
                    + Math.max(1, breaker.retryIn().toSeconds()) + " s", null);
        }
        try {
            return limit.acquire();
        } catch (GenerationException.Overloaded e) {
            breaker.onNeutral();
            throw e;
        }
    }

    private void record(Throwable failure, boolean cancelled) {
        if (failure instanceof GenerationException.Unavailable || failure instanceof GenerationException.Timeout) {
            breaker.onFailure();
        } else if (cancelled || (failure != null && !(failure instanceof GenerationException))) {
            breaker.onNeutral();
        } else {
            breaker.onSuccess();
        }
    }
}
