package dev.parapet.prompt;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stage 3: neutralise control markers, render the template, count tokens, fit the completion budget. */
@ApplicationScoped
public class PromptBuilder {

    private final TokenCounter tokens;
    private final PromptConfig config;

    public PromptBuilder(TokenCounter tokens, PromptConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * @param requestedMaxTokens the client's max_tokens, or null to take what the window leaves (capped
     *     by {@code parapet.prompt.default-max-tokens})
     * @throws ContextLengthExceededException when prompt plus completion exceed the window
     */
    public RenderedPrompt build(List<ChatMessage> messages, Integer requestedMaxTokens) {
        List<ChatMessage> safe = messages.stream().map(m -> m.withContent(ControlMarkers.neutralise(m.content()))).toList();
        String text = PpoChatTemplate.render(safe);
        int promptTokens = tokens.count(text);
        int window = config.contextTokens();
        int maxTokens = requestedMaxTokens != null ? requestedMaxTokens
                : Math.min(config.defaultMaxTokens(), window - promptTokens);
        if (maxTokens < 1 || promptTokens + maxTokens > window) {
            throw new ContextLengthExceededException(promptTokens, Math.max(maxTokens, requestedMaxTokens == null ? 1 : maxTokens), window);
        }
        return new RenderedPrompt(safe, text, promptTokens, maxTokens);
    }

    public int count(String text) {
        return tokens.count(text);
    }
}
