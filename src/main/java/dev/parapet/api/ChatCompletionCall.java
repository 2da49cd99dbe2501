package dev.parapet.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.chat.ChatRequest;
import dev.parapet.prompt.ChatMessage;
import java.util.List;

/**
 * One parsed {@code POST /v1/chat/completions} body: the chat request plus what only the HTTP layer
 * cares about (model name, streaming, usage in the stream, guard configuration).
 */
record ChatCompletionCall(ChatRequest request, String model, boolean stream, boolean includeUsage, String configName) {

    static ChatCompletionCall parse(String body, long maxBytes) {
        JsonBody json = JsonBody.parse(body, maxBytes);
        List<ChatMessage> messages = MessagesParser.parse(json);
        String model = json.string("model");
        Double temperature = json.number("temperature", 0, 2);
        Double topP = json.number("top_p", 0, 1);
        Long maxTokens = json.integer("max_tokens", 1, 1_000_000);
        Long maxCompletion = json.integer("max_completion_tokens", 1, 1_000_000);
        Long topK = json.integer("top_k", 0, 1_000_000);
        List<String> stop = json.stringOrList("stop", 4);
        Long seed = json.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        json.string("user");
        Long n = json.integer("n", 1, 128);
        if (n != null && n != 1) {
            throw ApiException.invalid("n", "unsupported_value", "Only n=1 is supported.");
        }
        boolean stream = Boolean.TRUE.equals(json.bool("stream"));
        boolean includeUsage = false;
        JsonNode streamOptions = json.node("stream_options");
        if (streamOptions != null) {
            if (!streamOptions.isObject()) {
                throw JsonBody.wrongType("stream_options", "an object", streamOptions);
            }
            JsonNode usage = streamOptions.get("include_usage");
            if (usage != null && !usage.isNull() && !usage.isBoolean()) {
                throw JsonBody.wrongType("stream_options.include_usage", "a boolean", usage);
            }
            includeUsage = usage != null && usage.asBoolean();
        }
        String configName = null;
        JsonNode guardrails = json.node("guardrails");
        if (guardrails != null) {
            if (!guardrails.isObject()) {
                throw JsonBody.wrongType("guardrails", "an object", guardrails);
            }
            JsonNode config = guardrails.get("config");
            if (config != null && !config.isNull()) {
                if (!config.isTextual()) {
                    throw JsonBody.wrongType("guardrails.config", "a string", config);
                }
                configName = config.asText();
            }
        }
        Integer max = maxTokens != null ? Integer.valueOf(maxTokens.intValue())
                : maxCompletion != null ? Integer.valueOf(maxCompletion.intValue()) : null;
        ChatRequest request = new ChatRequest(messages, max, temperature, topP,
                topK == null ? null : topK.intValue(), stop, seed);
        return new ChatCompletionCall(request, model, stream, includeUsage, configName);
    }
}
