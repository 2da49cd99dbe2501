package dev.parapet.generation.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The demo generator's script and pace. */
@ConfigMapping(prefix = "parapet.demo")
public interface DemoConfig {

    /** YAML list of {@code {match: regex, reply: text}}; the built-in script when absent. */
    Optional<String> repliesFile();

    /** Pause between streamed words, so streaming looks like streaming. */
    @WithDefault("20ms")
    Duration wordDelay();
}
