package dev.parapet.generation.triton;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How Parapet reaches Triton (used only when {@code parapet.generation.backend=triton}). */
@ConfigMapping(prefix = "parapet.triton")
public interface TritonConfig {

    /** Triton's gRPC endpoint, {@code host:port}. */
    @WithDefault("localhost:8001")
    String target();

    /** The model name Triton serves (NeMo's {@code --triton_model_name}, or {@code ensemble} for TRT-LLM). */
    @WithDefault("Llama3-70B-PPO-Chat")
    String model();

    /** Model version; absent lets Triton choose. */
    Optional<String> modelVersion();

    /** {@code nemo} (NeMo deploy_triton.py, PyTriton) or {@code trtllm} (TensorRT-LLM ensemble / BLS). */
    @WithDefault("nemo")
    String profile();

    /** Whole-call deadline for one generation, unary or streamed. */
    @WithDefault("120s")
    Duration deadline();

    /** Deadline for health and metadata calls. */
    @WithDefault("3s")
    Duration probeDeadline();

    /**
     * Whether the model is decoupled (must be called with ModelStreamInfer even for a unary answer).
     * Absent: read from the ModelConfig RPC, and assumed not decoupled if the server does not answer it.
     */
    Optional<Boolean> decoupled();

    Tls tls();

    Limits limits();

    Breaker breaker();

    interface Tls {
        /** Plaintext by default, as Triton listens without TLS unless told otherwise. */
        @WithDefault("false")
        boolean enabled();

        /** PEM file of the CA (or server certificate) to trust; the JDK trust store when absent. */
        Optional<String> trustCertFile();

        /** Overrides the name checked against the server certificate. */
        Optional<String> authority();
    }

    interface Limits {
        /** Generations running at once against Triton. */
        @WithDefault("16")
        int maxInFlight();

        /** Generations allowed to wait for a slot; beyond that, Overloaded at once. */
        @WithDefault("16")
        int queue();

        /** How long a queued generation waits for a slot before Overloaded. */
        @WithDefault("2s")
        Duration queueWait();

        /** Retry-After sent with Overloaded. */
        @WithDefault("2s")
        Duration retryAfter();
    }

    interface Breaker {
        /** Consecutive failures (unavailable or timed out) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long the breaker stays open before letting one trial call through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
