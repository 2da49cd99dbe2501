package dev.parapet.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the trained lexical models, their manifest and the lexicons live. */
@ConfigMapping(prefix = "parapet.classifiers")
public interface ClassifiersConfig {

    /**
     * Folder holding {@code manifest.json}, the {@code *.bin} models and {@code lexicons/}, relative to the
     * working directory like {@code rails/}. A folder rather than the classpath so that a retrained model
     * is deployed by replacing files, the same way rail configurations are.
     */
    @WithDefault("classifiers")
    String dir();
}
