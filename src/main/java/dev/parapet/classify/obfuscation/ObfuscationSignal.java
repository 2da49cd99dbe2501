package dev.parapet.classify.obfuscation;

/**
 * One place where a text hides something: {@code [start, end)} of the original text.
 *
 * @param evidence how (for example {@code base64}, {@code zero-width x3}); never the text itself
 */
public record ObfuscationSignal(ObfuscationKind kind, int start, int end, double score, String evidence) {}
