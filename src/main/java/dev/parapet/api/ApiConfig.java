package dev.parapet.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the HTTP API. */
@ConfigMapping(prefix = "parapet.api")
public interface ApiConfig {

    /** Largest request body accepted; larger ones get 413 in the OpenAI error shape. */
    @WithDefault("1048576")
    long maxBodyBytes();
}
