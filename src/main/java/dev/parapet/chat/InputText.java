package dev.parapet.chat;

import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.Role;
import dev.parapet.rails.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The text the input rails check: every system and user message, joined by blank lines, with a map
 * from each message to its range so that masks found in the joined text land in the right message.
 * Assistant turns are the model's own earlier words and are not checked again.
 */
record InputText(String text, List<ChatMessage> messages, int[] starts) {

    static final String SEPARATOR = "\n\n";

    static InputText of(List<ChatMessage> messages) {
        StringBuilder sb = new StringBuilder();
        int[] starts = new int[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m.role() == Role.ASSISTANT) {
                starts[i] = -1;
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(SEPARATOR);
            }
            starts[i] = sb.length();
            sb.append(m.content());
        }
        return new InputText(sb.toString(), messages, starts);
    }

    /** Messages with each span replaced by {@code [LABEL]} in the message it falls in. */
    List<ChatMessage> masked(List<Span> spans) {
        if (spans.isEmpty()) {
            return messages;
        }
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (starts[i] < 0) {
                out.add(m);
                continue;
            }
            int from = starts[i];
            int to = from + m.content().length();
            List<Span> local = new ArrayList<>();
            for (Span s : spans) {
                if (s.start() >= from && s.end() <= to) {
                    local.add(new Span(s.start() - from, s.end() - from, s.label()));
                }
            }
            out.add(m.withContent(Masking.apply(m.content(), local)));
        }
        return out;
    }
}
