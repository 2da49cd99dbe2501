package dev.parapet.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTrimmerTest {

    @Test
    void cutsAtFirstEndOfTurnMarkerAndDropsTheNewlineBeforeIt() {
        assertEquals("Paris.", ReplyTrimmer.trim("Paris.\n<extra_id_1>User\nmore", List.of()));
    }

    @Test
    void cutsAtTheEarliestStopString() {
        assertEquals("one two", ReplyTrimmer.trim("one two END three <extra_id_1>", List.of(" END", "three")));
    }

    @Test
    void keepsAReplyWithoutMarkers() {
        assertEquals("plain reply", ReplyTrimmer.trim("plain reply", List.of()));
    }
}
