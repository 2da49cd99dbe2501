package dev.parapet.chat;

import dev.parapet.prompt.ChatMessage;
import java.util.List;
import java.util.Objects;

/** A validated chat request, independent of the HTTP shape it came in. */
public record ChatRequest(List<ChatMessage> messages, Integer maxTokens, Double temperature, Double topP,
                          Integer topK, List<String> stop, Long seed) {

    public ChatRequest {
        Objects.requireNonNull(messages, "messages");
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
