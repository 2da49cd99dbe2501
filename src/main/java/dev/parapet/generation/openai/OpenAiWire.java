package dev.parapet.generation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.PpoChatTemplate;
import java.util.ArrayList;
import java.util.List;

/** The JSON of OpenAI's chat and text completion APIs, both ways. */
final class OpenAiWire {

    /** OpenAI accepts at most four stop strings. */
    private static final int MAX_STOP = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {}

    static String requestBody(GenerationRequest r, String model, boolean chat, boolean stream) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        if (chat) {
            ArrayNode messages = body.putArray("messages");
            for (ChatMessage m : r.messages()) {
                messages.addObject().put("role", m.role().wireName()).put("content", m.content());
            }
        } else {
            body.put("prompt", r.prompt());
        }
        body.put("max_tokens", r.maxTokens());
        if (r.temperature() != null) {
            body.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            body.put("top_p", r.topP());
        }
        if (r.topK() != null) {
            // Not OpenAI's; vLLM, NIM and Triton's frontend accept it.
            body.put("top_k", r.topK());
        }
        if (r.seed() != null) {
            body.put("seed", r.seed());
        }
        List<String> stop = new ArrayList<>();
        if (!chat) {
            // The raw model needs the template's end marker; a chat upstream knows its own.
            stop.add(PpoChatTemplate.END_OF_TURN);
        }
        for (String s : r.stop()) {
            if (!s.isEmpty() && !stop.contains(s) && stop.size() < MAX_STOP) {
                stop.add(s);
            }
        }
        if (!stop.isEmpty()) {
            ArrayNode array = body.putArray("stop");
            stop.forEach(array::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        return body.toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new GenerationException.ModelError("Upstream sent malformed JSON (" + json.length() + " chars)", e);
        }
    }

    /** Text of the first choice: the message (or delta) content for chat, the text for completions. */
    static String text(JsonNode response, boolean chat, boolean delta) {
        JsonNode choice = response.path("choices").path(0);
        JsonNode text = chat ? choice.path(delta ? "delta" : "message").path("content") : choice.path("text");
        return text.isTextual() ? text.asText() : "";
    }

    static FinishReason finishReason(JsonNode response) {
        String reason = response.path("choices").path(0).path("finish_reason").asText("");
        switch (reason) {
            case "length": return FinishReason.LENGTH;
            case "content_filter": return FinishReason.CONTENT_FILTER;
            case "": return null;
            default: return FinishReason.STOP;
        }
    }

    /** The upstream's own error message, if the body is OpenAI's error shape (shortened; no user text expected). */
    static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            return message.length() <= 200 ? message : message.substring(0, 200) + "...";
        } catch (Exception e) {
            return "";
        }
    }
}
