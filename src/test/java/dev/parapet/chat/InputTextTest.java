package dev.parapet.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.Role;
import dev.parapet.rails.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTextTest {

    @Test
    void joinsSystemAndUserMessagesButNotAssistantTurns() {
        InputText input = InputText.of(List.of(
                new ChatMessage(Role.SYSTEM, "sys"),
                new ChatMessage(Role.USER, "first"),
                new ChatMessage(Role.ASSISTANT, "reply"),
                new ChatMessage(Role.USER, "second")));
        assertEquals("sys\n\nfirst\n\nsecond", input.text());
    }

    @Test
    void masksSpansInTheMessageTheyFallIn() {
        List<ChatMessage> messages = List.of(
                new ChatMessage(Role.USER, "mail me at a@b.co"),
                new ChatMessage(Role.ASSISTANT, "ok"),
                new ChatMessage(Role.USER, "or at c@d.co please"));
        InputText input = InputText.of(messages);
        String text = input.text();
        int first = text.indexOf("a@b.co");
        int second = text.indexOf("c@d.co");
        List<ChatMessage> masked = input.masked(List.of(new Span(first, first + 6, "EMAIL"), new Span(second, second + 6, "EMAIL")));
        assertEquals("mail me at [EMAIL]", masked.get(0).content());
        assertEquals("ok", masked.get(1).content());
        assertEquals("or at [EMAIL] please", masked.get(2).content());
    }

    @Test
    void overlappingSpansBecomeOneMask() {
        assertEquals("x [SECRET] y", Masking.apply("x abcdef y", List.of(new Span(2, 6, "secret"), new Span(4, 8, "EMAIL"))));
    }
}
