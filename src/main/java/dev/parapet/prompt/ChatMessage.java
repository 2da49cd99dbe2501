package dev.parapet.prompt;

import java.util.Objects;

/** One turn of a conversation. */
public record ChatMessage(Role role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public ChatMessage withContent(String newContent) {
        return new ChatMessage(role, newContent);
    }
}
