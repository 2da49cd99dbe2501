package dev.parapet.rails;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deployment settings of the rails stage. Rail settings themselves live in rails/*.yaml and reload. */
@ConfigMapping(prefix = "parapet.rails")
public interface RailsConfig {

    /** Folder holding one YAML file per guard configuration. */
    @WithDefault("rails")
    String dir();

    /** Threads that run the rails of one stage concurrently, shared by all requests. 0 = number of cores. */
    @WithDefault("0")
    int threads();
}
