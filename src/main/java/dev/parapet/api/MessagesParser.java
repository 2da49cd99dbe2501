package dev.parapet.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.Role;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI's {@code messages}: a non-empty list of {role, content}; content as text or text parts. */
final class MessagesParser {

    static final int MAX_MESSAGES = 1000;

    private MessagesParser() {}

    static List<ChatMessage> parse(JsonBody body) {
        JsonNode list = body.node("messages");
        if (list == null) {
            throw ApiException.invalid("messages", "missing_required_parameter", "'messages' is required.");
        }
        if (!list.isArray()) {
            throw JsonBody.wrongType("messages", "a list", list);
        }
        if (list.isEmpty()) {
            throw ApiException.invalid("messages", "empty_array", "'messages' must hold at least one message.");
        }
        if (list.size() > MAX_MESSAGES) {
            throw ApiException.invalid("messages", "invalid_value", "'messages' takes at most " + MAX_MESSAGES + " messages.");
        }
        List<ChatMessage> messages = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            messages.add(message(list.get(i), "messages[" + i + "]"));
        }
        if (messages.stream().noneMatch(m -> m.role() == Role.USER)) {
            throw ApiException.invalid("messages", "invalid_value", "'messages' must hold at least one user message.");
        }
        if (messages.get(messages.size() - 1).role() != Role.USER) {
            throw ApiException.invalid("messages[" + (messages.size() - 1) + "].role", "invalid_value",
                    "The last message must come from the user; the model answers as the assistant.");
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, String path) {
        if (!node.isObject()) {
            throw JsonBody.wrongType(path, "an object with 'role' and 'content'", node);
        }
        JsonNode roleNode = node.get("role");
        if (roleNode == null || roleNode.isNull()) {
            throw ApiException.invalid(path + ".role", "missing_required_parameter", "'" + path + ".role' is required.");
        }
        if (!roleNode.isTextual()) {
            throw JsonBody.wrongType(path + ".role", "a string", roleNode);
        }
        Role role = Role.fromWire(roleNode.asText());
        if (role == null) {
            throw ApiException.invalid(path + ".role", "invalid_value", "'" + path + ".role' is '" + roleNode.asText()
                    + "'; supported roles are 'system', 'user' and 'assistant'.");
        }
        return new ChatMessage(role, content(node.get("content"), path + ".content"));
    }

    private static String content(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw ApiException.invalid(path, "missing_required_parameter", "'" + path + "' is required.");
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < node.size(); i++) {
                JsonNode part = node.get(i);
                if (!part.isObject() || !"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw ApiException.invalid(path + "[" + i + "]", "invalid_value",
                            "'" + path + "[" + i + "]' must be a text part {\"type\": \"text\", \"text\": \"...\"}; other parts are not supported.");
                }
                if (!sb.isEmpty()) {
                    sb.append("\n");
                }
                sb.append(part.get("text").asText());
            }
            return sb.toString();
        }
        throw JsonBody.wrongType(path, "a string or a list of text parts", node);
    }
}
