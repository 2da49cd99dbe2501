package dev.parapet.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy set that did not compile, or whose scenarios failed; the errors say where and why. */
public class PolicyRejected extends RuntimeException {

    private final List<PolicyError> errors;

    public PolicyRejected(String what, List<PolicyError> errors) {
        super(what + ": " + errors.stream().limit(5).map(PolicyError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
