package dev.parapet.rails;

import java.util.List;

/**
 * A rail together with the settings one configuration gives it.
 *
 * @param whenAsked whether the rail runs only when the policy asks for its opinion ({@code when: asked} in
 *                  the YAML block) instead of on every text: a guard model call costs hundreds of
 *                  milliseconds, so it is paid where the cheaper tiers are unsure (see {@link RailPipeline#runAsked})
 */
public record ConfiguredRail(Rail<?> rail, Record settings, boolean whenAsked) {

    /** A rail that runs on every text of its stage. */
    public ConfiguredRail(Rail<?> rail, Record settings) {
        this(rail, settings, false);
    }

    public String id() {
        return rail.id();
    }

    public boolean costly() {
        return rail.costly();
    }

    public boolean sharesCostlyWork() {
        return rail.sharesCostlyWork();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Finding> check(RailInput input) {
        return ((Rail) rail).check(input, settings);
    }
}
