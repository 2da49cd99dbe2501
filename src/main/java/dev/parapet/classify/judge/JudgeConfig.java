package dev.parapet.classify.judge;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Which model the {@code guard-model} rail asks. Without {@code parapet.judge.model}, the chat model answers
 * through the active generation backend, as a self-check in its own prompt template. With it, a guard model
 * of its own on Triton (Llama Guard 3, say) answers the guard prompt in the Llama 3 format it was trained on,
 * whatever backend serves the chat.
 */
@ConfigMapping(prefix = "parapet.judge")
public interface JudgeConfig {

    /** The Triton model name of the guard model; absent: the chat model judges itself. */
    Optional<String> model();

    /** Its Triton endpoint, {@code host:port}; absent: the chat model's ({@code parapet.triton.target}). */
    Optional<String> target();

    /** Its model version; absent lets Triton choose. */
    Optional<String> modelVersion();

    /** {@code nemo} or {@code trtllm}; absent: the chat model's ({@code parapet.triton.profile}). */
    Optional<String> profile();

    /** Whether it is decoupled; absent: read from Triton's ModelConfig RPC. */
    Optional<Boolean> decoupled();
}
