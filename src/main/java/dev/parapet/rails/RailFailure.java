package dev.parapet.rails;

/**
 * A rail could not measure (a model failed to load, a remote judge timed out) or broke its contract.
 * The request then fails closed: the caller gets an error, never unchecked text.
 */
public class RailFailure extends RuntimeException {

    private final String rail;

    public RailFailure(String rail, String message, Throwable cause) {
        super("rail '" + rail + "': " + message, cause);
        this.rail = rail;
    }

    public RailFailure(String rail, String message) {
        this(rail, message, null);
    }

    public String rail() {
        return rail;
    }
}
