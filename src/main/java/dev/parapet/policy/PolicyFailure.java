package dev.parapet.policy;

/** The policy engine could not decide. The request fails closed with a server error. */
public class PolicyFailure extends RuntimeException {
    public PolicyFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
