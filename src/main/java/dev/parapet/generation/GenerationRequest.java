package dev.parapet.generation;

import dev.parapet.prompt.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * One generation, already checked by the input rails and rendered to the model's template.
 *
 * @param prompt the rendered prompt, ending with the assistant header
 * @param messages the conversation the prompt was rendered from (control markers already neutralised)
 * @param maxTokens completion budget, already fitted to the context window
 * @param temperature null means the model's default
 * @param topK an extension to OpenAI's parameters; null means the model's default
 * @param stop stop strings; the template's own end-of-turn marker is added by each generator
 */
public record GenerationRequest(String requestId, String prompt, List<ChatMessage> messages, int maxTokens,
                                Double temperature, Double topP, Integer topK, List<String> stop, Long seed) {

    public GenerationRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(prompt, "prompt");
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}
