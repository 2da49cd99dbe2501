package dev.parapet.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the policies live and how the service watches them. Fixed at start; the policies themselves hot-reload. */
@ConfigMapping(prefix = "parapet.policies")
public interface PolicyConfig {

    /** The policies folder: rule files directly inside, scenarios in {@code tests/}. */
    @WithDefault("policies")
    String dir();

    /** Whether to watch the policies and rails folders and reload on change. */
    @WithDefault("true")
    boolean watch();

    /** How often to look for changes; a change is loaded once the files stopped changing for one more look. */
    @WithDefault("2s")
    String pollInterval();

    /** How many earlier versions to keep for rollback. */
    @WithDefault("10")
    int history();
}
