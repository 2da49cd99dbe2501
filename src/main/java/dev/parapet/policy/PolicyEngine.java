package dev.parapet.policy;

/**
 * Turns the findings of one stage into one {@link Decision}. Implementations must be thread-safe and
 * must never compile or load anything per call: a decision is on every request's path.
 */
public interface PolicyEngine {

    /** Decides; throws {@link PolicyFailure} when it cannot, and the request then fails closed. */
    Decision decide(PolicyInput input);

    /** The version of the policy set now serving (content hash and load time). */
    String version();
}
