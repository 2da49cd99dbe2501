package dev.parapet.chat;

import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.PpoChatTemplate;
import dev.parapet.rails.RailConfiguration;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The check-only path behind {@code /v1/guard}: the same rails and policy as a chat, no generation.
 * Application teams pre-screen text with it, policy authors dry-run changes, the evaluation scores it.
 */
@ApplicationScoped
public class GuardCheck {

    /**
     * @param renderedPrompt the prompt that would go to the model were the input allowed (input stage), else null
     */
    public record Result(String configName, Stage stage, StageResult result, String renderedPrompt) {}

    private final GuardedChat chat;

    public GuardCheck(GuardedChat chat) {
        this.chat = chat;
    }

    /** The guard configuration of that name; throws when there is none. */
    public RailConfiguration configuration(String name) {
        return chat.configuration(name);
    }

    public Result messages(List<ChatMessage> messages, RequestContext context) {
        return messages(messages, context, true);
    }

    /** With {@code ask} false, rails held back for the policy to ask are not run (see {@link GuardedChat#check}). */
    public Result messages(List<ChatMessage> messages, RequestContext context, boolean ask) {
        RailConfiguration configuration = chat.configuration(context.configName());
        InputText input = InputText.of(messages);
        StageResult result = chat.check(configuration, context, Stage.INPUT, input.text(), GuardedChat.turns(messages), false, ask);
        // Rendered even when refused: authors dry-running a policy want to see what the model would have got.
        String rendered = PpoChatTemplate.render(GuardedChat.neutralised(input.masked(result.decision().masks())));
        return new Result(configuration.name(), Stage.INPUT, result, rendered);
    }

    public Result text(String text, Stage stage, RequestContext context) {
        return text(text, stage, context, true);
    }

    public Result text(String text, Stage stage, RequestContext context, boolean ask) {
        if (stage == Stage.INPUT) {
            return messages(List.of(new ChatMessage(dev.parapet.prompt.Role.USER, text)), context, ask);
        }
        RailConfiguration configuration = chat.configuration(context.configName());
        return new Result(configuration.name(), stage, chat.check(configuration, context, stage, text, 1, false, ask), null);
    }
}
