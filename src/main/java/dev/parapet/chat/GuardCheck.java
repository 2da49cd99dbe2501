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

    public Result messages(List<ChatMessage> messages, RequestContext context) {
        RailConfiguration configuration = chat.configuration(context.configName());
        InputText input = InputText.of(messages);
        StageResult result = chat.check(configuration, context, Stage.INPUT, input.text(), GuardedChat.turns(messages), false);
        // Rendered even when refused: authors dry-running a policy want to see what the model would have got.
        String rendered = PpoChatTemplate.render(GuardedChat.neutralised(input.masked(result.decision().masks())));
        return new Result(configuration.name(), Stage.INPUT, result, rendered);
    }

    public Result text(String text, Stage stage, RequestContext context) {
        if (stage == Stage.INPUT) {
            return messages(List.of(new ChatMessage(dev.parapet.prompt.Role.USER, text)), context);
        }
        RailConfiguration configuration = chat.configuration(context.configName());
        return new Result(configuration.name(), stage, chat.checkOutput(configuration, context, text, false), null);
    }
}
