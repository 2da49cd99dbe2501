package dev.parapet.chat;

import dev.parapet.generation.FinishReason;

/** The checked answer to a chat request, ready to be shaped into a response. */
public record ChatOutcome(String reply, FinishReason finishReason, int promptTokens, int completionTokens,
                          GuardrailsReport guardrails) {}
