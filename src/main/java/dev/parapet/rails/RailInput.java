package dev.parapet.rails;

import dev.parapet.security.RequestContext;
import java.util.Objects;

/**
 * One text to check. At the input stage the text is the conversation's system and user messages
 * joined by blank lines; at the output stage it is the reply, or a chunk of it while streaming
 * ({@code partial} true: more text follows, so a rail that needs the whole text may hold its judgement).
 */
public record RailInput(Stage stage, String text, RequestContext context, TextAnalysis analysis, boolean partial) {

    public RailInput {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        analysis = analysis == null ? new TextAnalysis(text) : analysis;
    }

    public RailInput(Stage stage, String text, RequestContext context) {
        this(stage, text, context, new TextAnalysis(text), false);
    }
}
