package dev.parapet.generation;

import java.time.Duration;

/**
 * A generation that failed. The subclasses say how, and the API maps each to its own status; a client
 * never receives partial unchecked text because of one.
 */
public abstract class GenerationException extends RuntimeException {

    protected GenerationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The backend cannot be reached or is not ready (HTTP 503). */
    public static class Unavailable extends GenerationException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The backend did not answer within the deadline (HTTP 504). */
    public static class Timeout extends GenerationException {
        public Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The model answered with an error (HTTP 502). */
    public static class ModelError extends GenerationException {
        public ModelError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Too many generations in flight (HTTP 429 or 503, with Retry-After). */
    public static class Overloaded extends GenerationException {
        private final Duration retryAfter;

        public Overloaded(String message, Duration retryAfter) {
            super(message, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
