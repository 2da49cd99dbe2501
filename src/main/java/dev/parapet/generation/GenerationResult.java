package dev.parapet.generation;

/** A complete, unchecked reply from a generator (raw: not yet cut at stop strings). */
public record GenerationResult(String text, FinishReason finishReason) {}
