package dev.parapet.prompt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The served model's prompt limits and tokenizer. */
@ConfigMapping(prefix = "parapet.prompt")
public interface PromptConfig {

    /** Context window of the model in tokens, prompt and completion together. */
    @WithDefault("4096")
    int contextTokens();

    /** Completion budget when a request sets no max_tokens (capped by what the context leaves). */
    @WithDefault("1024")
    int defaultMaxTokens();

    /**
     * A tiktoken-format BPE vocabulary (one "base64-token rank" per line, as Llama 3's tokenizer.model).
     * When absent, cl100k_base stands in; its counts are close to Llama 3's for English text.
     */
    Optional<String> tokenizerFile();
}
