package dev.parapet.prompt;

/** The prompt and the requested completion do not fit in the model's context window. */
public class ContextLengthExceededException extends RuntimeException {

    private final int promptTokens;
    private final int maxTokens;
    private final int contextTokens;

    public ContextLengthExceededException(int promptTokens, int maxTokens, int contextTokens) {
        super("This model's maximum context length is " + contextTokens + " tokens. However, you requested "
                + (promptTokens + maxTokens) + " tokens (" + promptTokens + " in the messages, " + maxTokens
                + " in the completion). Please reduce the length of the messages or completion.");
        this.promptTokens = promptTokens;
        this.maxTokens = maxTokens;
        this.contextTokens = contextTokens;
    }

    public int promptTokens() {
        return promptTokens;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public int contextTokens() {
        return contextTokens;
    }
}
