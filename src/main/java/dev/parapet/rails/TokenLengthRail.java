package dev.parapet.rails;

import dev.parapet.prompt.TokenCounter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Measures how long a text is in model tokens against the configuration's limit. Reports
 * {@code length_exceeded} with score 1 when the text is over the limit; a configuration uses it to keep
 * prompts (or replies) well inside the model's window, which the context budget itself does not do.
 */
@ApplicationScoped
public class TokenLengthRail implements Rail<TokenLengthRail.Settings> {

    public static final String ID = "token-length";

    /** @param maxTokens the longest text, in tokens, that passes without a finding */
    public record Settings(Integer maxTokens) {
        public Settings {
            maxTokens = maxTokens == null ? 3072 : maxTokens;
        }
    }

    private final TokenCounter tokens;

    public TokenLengthRail(TokenCounter tokens) {
        this.tokens = tokens;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings settings) {
        if (settings.maxTokens() < 1) {
            throw new IllegalArgumentException("max-tokens must be at least 1");
        }
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        int count = tokens.count(input.text());
        if (count <= settings.maxTokens()) {
            return List.of();
        }
        return List.of(new Finding(ID, "length_exceeded", 1.0, List.of(),
                count + " tokens > " + settings.maxTokens()));
    }
}
