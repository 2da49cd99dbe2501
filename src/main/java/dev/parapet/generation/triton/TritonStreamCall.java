package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationException;
import dev.parapet.generation.triton.proto.GRPCInferenceServiceGrpc;
import dev.parapet.generation.triton.proto.InferParameter;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import dev.parapet.generation.triton.proto.ModelStreamInferResponse;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One request over Triton's bidirectional ModelStreamInfer, as a {@link Multi} of its responses.
 *
 * <p>The request asks for an empty final response, so the end is always marked by
 * {@code triton_final_response=true}; only then is the request side closed. An in-band
 * {@code error_message} fails the Multi with a model error, and a stream that closes or breaks before the
 * final response fails it with the status it ended with (a clean close without a final response counts as
 * unavailable: the server went away mid-answer). Cancelling the Multi cancels the gRPC call.
 */
final class TritonStreamCall {

    static final String FINAL = "triton_final_response";

    private TritonStreamCall() {}

    static Multi<ModelInferResponse> open(GRPCInferenceServiceGrpc.GRPCInferenceServiceStub stub,
                                          ModelInferRequest request, Duration deadline) {
        return Multi.createFrom().<ModelInferResponse>emitter(emitter -> {
            Observer observer = new Observer(emitter);
            stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).modelStreamInfer(observer).onNext(request);
        }, BackPressureStrategy.BUFFER);
    }

    static boolean isFinal(ModelInferResponse response) {
        InferParameter p = response.getParametersMap().get(FINAL);
        return p != null && p.getBoolParam();
    }

    private static final class Observer implements ClientResponseObserver<ModelInferRequest, ModelStreamInferResponse> {
        private final MultiEmitter<? super ModelInferResponse> emitter;
        private ClientCallStreamObserver<ModelInferRequest> requests;
        private volatile boolean done;

        Observer(MultiEmitter<? super ModelInferResponse> emitter) {
            this.emitter = emitter;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<ModelInferRequest> requestStream) {
            this.requests = requestStream;
            emitter.onTermination(() -> {
                if (!done) {
                    done = true;
                    requestStream.cancel("generation cancelled by Parapet", null);
                }
            });
        }

        @Override
        public void onNext(ModelStreamInferResponse value) {
            if (done) {
                return;
            }
            if (!value.getErrorMessage().isEmpty()) {
                done = true;
                requests.cancel("in-band error received", null);
                emitter.fail(new GenerationException.ModelError("Triton reported an error inside the stream: "
                        + shorten(value.getErrorMessage()), null));
                return;
            }
            ModelInferResponse response = value.getInferResponse();
            emitter.emit(response);
            if (isFinal(response)) {
                done = true;
                requests.onCompleted();
                emitter.complete();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (!done) {
                done = true;
                emitter.fail(TritonStatus.translate(t, "ModelStreamInfer"));
            }
        }

        @Override
        public void onCompleted() {
            if (!done) {
                done = true;
                emitter.fail(new GenerationException.Unavailable("Triton closed the stream before the final response", null));
            }
        }

        private static String shorten(String message) {
            return message.length() <= 200 ? message : message.substring(0, 200) + "...";
        }
    }
}
