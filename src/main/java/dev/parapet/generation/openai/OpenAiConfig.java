package dev.parapet.generation.openai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** An OpenAI-compatible upstream (NIM, vLLM, Triton's OpenAI frontend); used when {@code backend=openai}. */
@ConfigMapping(prefix = "parapet.openai")
public interface OpenAiConfig {

    /** Base URL up to and including {@code /v1}. */
    @WithDefault("http://localhost:9000/v1")
    String baseUrl();

    /** Sent as {@code Authorization: Bearer ...} when present. Never logged. */
    Optional<String> apiKey();

    /** The upstream's model id. */
    @WithDefault("Llama3-70B-PPO-Chat")
    String model();

    /**
     * {@code chat}: send the messages to {@code /chat/completions}, the upstream applies its chat template.
     * {@code completions}: send Parapet's rendered prompt to {@code /completions} (an upstream serving the
     * raw model without a template).
     */
    @WithDefault("chat")
    String api();

    /** Unary: the whole call. Streamed: time to the response head, and the longest gap between chunks. */
    @WithDefault("120s")
    Duration deadline();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("16")
    int maxInFlight();

    @WithDefault("16")
    int queue();

    @WithDefault("2s")
    Duration queueWait();

    @WithDefault("2s")
    Duration retryAfter();

    @WithDefault("5")
    int breakerFailureThreshold();

    @WithDefault("10s")
    Duration breakerOpenFor();
}
