package dev.parapet.prompt;

import java.util.List;

/**
 * A conversation ready for generation.
 *
 * @param messages the conversation with control markers neutralised
 * @param text the rendered template
 * @param promptTokens tokens of {@code text}
 * @param maxTokens the completion budget, fitted to the window
 */
public record RenderedPrompt(List<ChatMessage> messages, String text, int promptTokens, int maxTokens) {}
