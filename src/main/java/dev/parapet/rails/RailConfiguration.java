package dev.parapet.rails;

import java.util.List;
import java.util.Objects;

/**
 * One guard configuration, loaded from {@code rails/<name>.yaml}: which rails run at each stage, in
 * which order, with which settings.
 *
 * @param name the file name without {@code .yaml}; what requests name in {@code guardrails.config}
 * @param contentHash sha-256 of the file, so decisions can say which configuration made them
 */
public record RailConfiguration(String name, String description, List<ConfiguredRail> input,
                                List<ConfiguredRail> output, String contentHash) {

    public RailConfiguration {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    public List<ConfiguredRail> rails(Stage stage) {
        return stage == Stage.INPUT ? input : output;
    }
}
