package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Turns a gRPC failure from Triton into the {@link GenerationException} its status means for a client. */
final class TritonStatus {

    private static final int MAX_DESCRIPTION = 200;

    private TritonStatus() {}

    static GenerationException translate(Throwable failure, String what) {
        if (failure instanceof GenerationException g) {
            return g;
        }
        Status status = Status.fromThrowable(failure);
        String description = status.getDescription() == null ? "" : ": " + shorten(status.getDescription());
        String message = what + " failed with " + status.getCode() + description;
        switch (status.getCode()) {
            case UNAVAILABLE:
            case CANCELLED:
                return new GenerationException.Unavailable(message, failure);
            case DEADLINE_EXCEEDED:
                return new GenerationException.Timeout(message, failure);
            default:
                // INVALID_ARGUMENT, INTERNAL, NOT_FOUND, UNKNOWN, ...: Triton or the model refused the request.
                return new GenerationException.ModelError(message, failure);
        }
    }

    /** True when the failure is a gRPC UNAVAILABLE, the one status worth a retry. */
    static boolean isRetryable(Throwable failure) {
        Throwable cause = failure instanceof GenerationException ? failure.getCause() : failure;
        return cause instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
    }
}
