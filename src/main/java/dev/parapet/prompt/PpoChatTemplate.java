package dev.parapet.prompt;

import java.util.List;

/**
 * Renders a conversation to the Llama3-70B-PPO-Chat prompt (NeMo's "extra_id" chat format):
 *
 * <pre>
 * &lt;extra_id_0&gt;System\n{system}\n
 * &lt;extra_id_1&gt;User\n{user}\n
 * &lt;extra_id_1&gt;Assistant\n{assistant}\n
 * ...
 * &lt;extra_id_1&gt;Assistant\n          (generation starts here)
 * </pre>
 *
 * The system turn is always present, empty when no system message is given; several system messages
 * are joined by blank lines. Consecutive messages of one speaker are joined into one turn, so turns
 * alternate. Content must already be {@link ControlMarkers#neutralise neutralised}: the template adds
 * the only markers.
 */
public final class PpoChatTemplate {

    public static final String SYSTEM_START = "<extra_id_0>";
    public static final String TURN_START = "<extra_id_1>";
    /** Where the model's reply ends; the seed deploys without stop words, so replies are cut here. */
    public static final String END_OF_TURN = "<extra_id_1>";

    private PpoChatTemplate() {}

    public static String render(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        StringBuilder turns = new StringBuilder();
        Role open = null;
        for (ChatMessage m : messages) {
            if (m.role() == Role.SYSTEM) {
                if (!system.isEmpty()) {
                    system.append("\n\n");
                }
                system.append(m.content());
                continue;
            }
            if (m.role() == open) {
                turns.append("\n").append(m.content());
                continue;
            }
            if (open != null) {
                turns.append("\n");
            }
            turns.append(TURN_START).append(m.role() == Role.USER ? "User" : "Assistant").append("\n").append(m.content());
            open = m.role();
        }
        if (open != null) {
            turns.append("\n");
        }
        return SYSTEM_START + "System\n" + system + "\n" + turns + TURN_START + "Assistant\n";
    }
}
