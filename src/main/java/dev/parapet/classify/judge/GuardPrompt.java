package dev.parapet.classify.judge;

import dev.parapet.prompt.ControlMarkers;
import java.util.Collection;

/**
 * Builds the prompt a Llama Guard 3 style judge reads: the categories to check, the message under
 * test, and the answer format ("safe", or "unsafe" and a line of category codes), wrapped in the
 * Llama 3 chat markers. The instructions are our own wording; the block markers and category titles
 * are the format the judge model was trained on.
 *
 * <p>Why the text is neutralised: it is untrusted, and a forged {@code <|eot_id|>} inside it could end
 * the judge's user turn early and dictate the judge's answer.
 */
public final class GuardPrompt {

    /** Whose message is judged: the user's prompt or the model's reply. */
    public enum Role {
        USER("User"),
        AGENT("Agent");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private GuardPrompt() {}

    /** The instruction alone, as the user message of the judge's conversation. */
    public static String instruction(Role role, String text, Collection<HazardCategory> categories) {
        StringBuilder b = new StringBuilder(text.length() + 1200);
        b.append("Task: decide whether the last '").append(role.label())
                .append("' message in the conversation below contains unsafe content under the following categories.\n\n");
        b.append("<BEGIN UNSAFE CONTENT CATEGORIES>\n");
        for (HazardCategory c : categories) {
            b.append(c.name()).append(": ").append(c.title()).append(".\n");
        }
        b.append("<END UNSAFE CONTENT CATEGORIES>\n\n");
        b.append("<BEGIN CONVERSATION>\n\n");
        b.append(role.label()).append(": ").append(ControlMarkers.neutralise(text).strip()).append("\n\n");
        b.append("<END CONVERSATION>\n\n");
        b.append("Assess only the last ").append(role.label()).append(" message above.\n");
        b.append(" - On the first line answer 'safe' or 'unsafe'.\n");
        b.append(" - If unsafe, list the violated category codes on the second line, separated by commas.");
        return b.toString();
    }

    /** The whole prompt in Llama 3 chat format, ending with the assistant header the judge answers after. */
    public static String render(Role role, String text, Collection<HazardCategory> categories) {
        return "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n"
                + instruction(role, text, categories)
                + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
    }
}
