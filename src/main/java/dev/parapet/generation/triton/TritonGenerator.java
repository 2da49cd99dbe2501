package dev.parapet.generation.triton;

import dev.parapet.generation.CircuitBreaker;
import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationGuard;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.GenerationResult;
import dev.parapet.generation.Generator;
import dev.parapet.generation.InFlightLimit;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Generates with Llama3-70B-PPO-Chat served by NVIDIA Triton over gRPC (KServe v2).
 *
 * <p>Around every call, in this order: the circuit breaker (fail fast while Triton keeps failing), the
 * in-flight bound with its short queue (then {@link GenerationException.Overloaded}), the per-call deadline,
 * and one retry on gRPC UNAVAILABLE, only while nothing of the reply has been produced. The model profile
 * ({@code nemo} or {@code trtllm}) decides which tensors carry the request. Unary calls use ModelInfer;
 * streams and decoupled models use ModelStreamInfer.
 */
@Identifier(TritonGenerator.ID)
@ApplicationScoped
public class TritonGenerator implements Generator {

    public static final String ID = "triton";

    private final TritonClient client;
    private final TritonModelProfile profile;
    private final GenerationGuard guard;

    @Inject
    public TritonGenerator(TritonConfig config) {
        this(config, Clock.systemUTC());
    }

    public TritonGenerator(TritonConfig config, Clock clock) {
        this.profile = TritonModelProfile.named(config.profile(), config.model(), config.modelVersion().orElse(""));
        this.client = new TritonClient(config);
        this.guard = new GenerationGuard("Triton",
                new CircuitBreaker(config.breaker().failureThreshold(), config.breaker().openFor(), clock),
                new InFlightLimit(config.limits().maxInFlight(), config.limits().queue(),
                        config.limits().queueWait(), config.limits().retryAfter()));
        Log.infof("Triton backend: target=%s model=%s profile=%s tls=%s", config.target(), config.model(),
                profile.name(), config.tls().enabled());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        return guard.call(() -> {
            try {
                return unary(request);
            } catch (GenerationException e) {
                if (!TritonStatus.isRetryable(e)) {
                    throw e;
                }
                Log.infof("Triton unavailable for %s; retrying once", request.requestId());
                return unary(request);
            }
        });
    }

    @Override
    public Multi<GenerationChunk> stream(GenerationRequest request) {
        return guard.stream(() -> {
            AtomicBoolean delivered = new AtomicBoolean();
            return streamAttempt(request, delivered)
                    .onFailure(e -> !delivered.get() && TritonStatus.isRetryable(e))
                    .recoverWithMulti(() -> {
                        Log.infof("Triton unavailable for %s before any text; retrying once", request.requestId());
                        return streamAttempt(request, delivered);
                    });
        });
    }

    @Override
    public Readiness readiness() {
        return client.readiness();
    }

    /** Closes the channel; the container calls it for the chat model, the owner of any other instance itself. */
    @PreDestroy
    public void close() {
        client.close();
    }

    private GenerationResult unary(GenerationRequest request) {
        ModelSignature signature = client.signature();
        if (signature.decoupled()) {
            // A decoupled model refuses ModelInfer; its one answer comes over the stream RPC.
            String text = String.join("", streamAttempt(request, new AtomicBoolean())
                    .map(GenerationChunk::delta).collect().asList().await().indefinitely());
            return new GenerationResult(text, FinishReason.STOP);
        }
        ModelInferResponse response = client.infer(profile.request(request, signature, false));
        return new GenerationResult(profile.unaryText(response, request, signature), FinishReason.STOP);
    }

    private Multi<GenerationChunk> streamAttempt(GenerationRequest request, AtomicBoolean delivered) {
        return Multi.createFrom().deferred(() -> {
            ModelSignature signature = client.signature();
            TritonModelProfile.StreamDecoder decoder = profile.streamDecoder(request, signature);
            return client.streamInfer(profile.request(request, signature, true))
                    .map(decoder::delta)
                    .filter(delta -> !delta.isEmpty())
                    .map(GenerationChunk::of)
                    .invoke(chunk -> delivered.set(true));
        });
    }
}
