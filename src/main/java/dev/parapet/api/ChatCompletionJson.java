package dev.parapet.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.chat.ChatOutcome;

/** OpenAI's chat completion and chunk shapes, with our {@code guardrails} block added. */
final class ChatCompletionJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String id;
    private final long created;
    private final String model;
    private final String fingerprint;

    ChatCompletionJson(String id, long created, String model, String fingerprint) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.fingerprint = fingerprint;
    }

    ObjectNode completion(ChatOutcome outcome) {
        ObjectNode root = header("chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", outcome.reply());
        choice.putNull("logprobs");
        choice.put("finish_reason", outcome.finishReason().wireName());
        root.set("usage", usage(outcome));
        root.set("guardrails", GuardrailsJson.report(outcome.guardrails()));
        return root;
    }

    ObjectNode roleChunk() {
        ObjectNode root = header("chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        delta.put("role", "assistant");
        delta.put("content", "");
        choice.putNull("finish_reason");
        return root;
    }

    ObjectNode textChunk(String text) {
        ObjectNode root = header("chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("content", text);
        choice.putNull("finish_reason");
        return root;
    }

    ObjectNode finalChunk(ChatOutcome outcome) {
        ObjectNode root = header("chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", outcome.finishReason().wireName());
        root.set("guardrails", GuardrailsJson.report(outcome.guardrails()));
        return root;
    }

    ObjectNode usageChunk(ChatOutcome outcome) {
        ObjectNode root = header("chat.completion.chunk");
        root.putArray("choices");
        root.set("usage", usage(outcome));
        return root;
    }

    private ObjectNode header(String object) {
        ObjectNode root = JSON.objectNode();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        root.put("system_fingerprint", fingerprint);
        return root;
    }

    private static ObjectNode usage(ChatOutcome outcome) {
        ObjectNode usage = JSON.objectNode();
        usage.put("prompt_tokens", outcome.promptTokens());
        usage.put("completion_tokens", outcome.completionTokens());
        usage.put("total_tokens", outcome.promptTokens() + outcome.completionTokens());
        return usage;
    }
}
