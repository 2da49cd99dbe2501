package dev.parapet.rails;

import java.util.List;

/** A rail together with the settings one configuration gives it. */
public record ConfiguredRail(Rail<?> rail, Record settings) {

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
