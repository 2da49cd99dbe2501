package dev.parapet.classify.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardVerdictTest {

    @Test
    void readsSafe() {
        assertTrue(GuardVerdict.parse("safe").safe());
        assertTrue(GuardVerdict.parse("  Safe.\n").safe());
        assertTrue(GuardVerdict.parse("**safe**\n<extra_id_1>").safe(), "a chat model's emphasis and end of turn");
        GuardVerdict emphasised = GuardVerdict.parse("**Unsafe**\nS2<extra_id_1>");
        assertTrue(!emphasised.safe() && emphasised.categories().equals(List.of(HazardCategory.S2)));
    }

    @Test
    void readsUnsafeWithCodesInAnySpacing() {
        GuardVerdict v = GuardVerdict.parse("unsafe\nS1, s10 ,S14<|eot_id|>");
        assertFalse(v.safe());
        assertEquals(List.of(HazardCategory.S1, HazardCategory.S10, HazardCategory.S14), v.categories());
    }

    @Test
    void ignoresCodesOutsideTheTaxonomy() {
        assertEquals(List.of(HazardCategory.S2), GuardVerdict.parse("unsafe\nS2,S99").categories());
    }

    @Test
    void refusesAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> GuardVerdict.parse("The message is fine."));
        assertThrows(IllegalArgumentException.class, () -> GuardVerdict.parse(""));
        assertThrows(IllegalArgumentException.class, () -> GuardVerdict.parse("safety first"));
    }
}
