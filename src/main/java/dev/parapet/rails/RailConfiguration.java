package dev.parapet.rails;

import java.util.List;
import java.util.Objects;

/**
 * One guard configuration, loaded from {@code rails/<name>.yaml}: which rails run at each stage, in
 * which order, with which settings. A rail marked {@code when: asked} is held back until the policy asks
 * for its opinion ({@code outcome.ask("guard-model")}), because the cheaper tiers were unsure.
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

    /** Every rail of the stage, in the file's order, whether it runs on every text or only when asked. */
    public List<ConfiguredRail> rails(Stage stage) {
        return stage == Stage.INPUT ? input : output;
    }

    /** The rails that run on every text of the stage. */
    public List<ConfiguredRail> routine(Stage stage) {
        return rails(stage).stream().filter(r -> !r.whenAsked()).toList();
    }

    /** The ids of the rails the policy can ask for at this stage ({@code when: asked}), in the file's order. */
    public List<String> askable(Stage stage) {
        return rails(stage).stream().filter(ConfiguredRail::whenAsked).map(ConfiguredRail::id).toList();
    }
}
