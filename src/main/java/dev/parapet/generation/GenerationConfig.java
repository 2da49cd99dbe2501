package dev.parapet.generation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which backend generates, and the name the API serves it under. */
@ConfigMapping(prefix = "parapet.generation")
public interface GenerationConfig {

    /** {@code demo} (embedded, scripted, no model), {@code triton} or {@code openai}. */
    @WithDefault("demo")
    String backend();

    /** The model id clients send and /v1/models lists. */
    @WithDefault("Llama3-70B-PPO-Chat")
    String modelName();
}
