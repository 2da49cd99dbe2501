package dev.parapet.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PpoChatTemplateTest {

    @Test
    void rendersSingleTurnWithEmptySystemTurn() {
        String prompt = PpoChatTemplate.render(List.of(new ChatMessage(Role.USER, "Write a poem")));
        assertEquals("<extra_id_0>System\n\n<extra_id_1>User\nWrite a poem\n<extra_id_1>Assistant\n", prompt);
    }

    @Test
    void rendersSystemAndAlternatingTurnsEndingWithAssistantHeader() {
        String prompt = PpoChatTemplate.render(List.of(
                new ChatMessage(Role.SYSTEM, "Be brief."),
                new ChatMessage(Role.USER, "Hi"),
                new ChatMessage(Role.ASSISTANT, "Hello!"),
                new ChatMessage(Role.USER, "Capital of France?")));
        assertEquals("<extra_id_0>System\nBe brief.\n"
                + "<extra_id_1>User\nHi\n"
                + "<extra_id_1>Assistant\nHello!\n"
                + "<extra_id_1>User\nCapital of France?\n"
                + "<extra_id_1>Assistant\n", prompt);
    }

    @Test
    void joinsConsecutiveMessagesOfOneSpeakerIntoOneTurn() {
        String prompt = PpoChatTemplate.render(List.of(
                new ChatMessage(Role.SYSTEM, "A"),
                new ChatMessage(Role.SYSTEM, "B"),
                new ChatMessage(Role.USER, "one"),
                new ChatMessage(Role.USER, "two")));
        assertEquals("<extra_id_0>System\nA\n\nB\n<extra_id_1>User\none\ntwo\n<extra_id_1>Assistant\n", prompt);
    }
}
