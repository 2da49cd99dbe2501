package dev.parapet.generation;

/**
 * A piece of a streamed reply: new text since the previous chunk. The last chunk of a stream may carry a
 * finish reason; a stream that ends without one finished with {@link FinishReason#STOP}.
 */
public record GenerationChunk(String delta, FinishReason finishReason) {
    public static GenerationChunk of(String delta) {
        return new GenerationChunk(delta, null);
    }
}
