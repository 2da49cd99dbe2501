package dev.parapet.rails;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One guard configuration, loaded from {@code rails/<name>.yaml}: which rails run at each stage, in
 * which order, with which settings. A rail marked {@code when: asked} is held back until the policy asks
 * for its opinion ({@code outcome.ask("guard-model")}), because the cheaper tiers were unsure.
 *
 * <p>A class rather than a record because the split into rails that run on every text and rails held back
 * is derived once here, at load, instead of on every request.
 */
public final class RailConfiguration {

    private final String name;
    private final String description;
    private final List<ConfiguredRail> input;
    private final List<ConfiguredRail> output;
    private final String contentHash;
    private final Map<Stage, List<ConfiguredRail>> routine = new EnumMap<>(Stage.class);
    private final Map<Stage, List<String>> askable = new EnumMap<>(Stage.class);

    /**
     * @param name the file name without {@code .yaml}; what requests name in {@code guardrails.config}
     * @param contentHash sha-256 of the file, so decisions can say which configuration made them
     */
    public RailConfiguration(String name, String description, List<ConfiguredRail> input,
                             List<ConfiguredRail> output, String contentHash) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.input = List.copyOf(input);
        this.output = List.copyOf(output);
        this.contentHash = contentHash;
        for (Stage stage : Stage.values()) {
            routine.put(stage, rails(stage).stream().filter(r -> !r.whenAsked()).toList());
            askable.put(stage, rails(stage).stream().filter(ConfiguredRail::whenAsked).map(ConfiguredRail::id).toList());
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<ConfiguredRail> input() {
        return input;
    }

    public List<ConfiguredRail> output() {
        return output;
    }

    public String contentHash() {
        return contentHash;
    }

    /** Every rail of the stage, in the file's order, whether it runs on every text or only when asked. */
    public List<ConfiguredRail> rails(Stage stage) {
        return stage == Stage.INPUT ? input : output;
    }

    /** The rails that run on every text of the stage. */
    public List<ConfiguredRail> routine(Stage stage) {
        return routine.get(stage);
    }

    /** The ids of the rails the policy can ask for at this stage ({@code when: asked}), in the file's order. */
    public List<String> askable(Stage stage) {
        return askable.get(stage);
    }

    @Override
    public String toString() {
        return "RailConfiguration[" + name + ", " + contentHash + "]";
    }
}
