package dev.parapet.classify.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How {@code eval --rail} counts a rail alone: a cue the rail marks as such is no intervention. */
class RailAloneTest {

    record NoSettings() {}

    /** Reports one finding, in the category its text names, at 0.9; "evasion" is a cue. */
    static final class CueRail implements Rail<NoSettings> {
        @Override
        public String id() {
            return "cue-rail";
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public Set<String> cueCategories() {
            return Set.of("evasion");
        }

        @Override
        public List<Finding> check(RailInput input, NoSettings settings) {
            return List.of(new Finding(id(), input.text(), 0.9));
        }
    }

    @Test
    void aCueAloneIsNoIntervention() {
        assertFalse(EvalCommand.railIntervenes(new CueRail(), "evasion"));
    }

    @Test
    void aHarmAtTheSameScoreIsOne() {
        assertTrue(EvalCommand.railIntervenes(new CueRail(), "other_crime"));
    }
}
