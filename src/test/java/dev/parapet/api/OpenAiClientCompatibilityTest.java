package dev.parapet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Drives the running service with LangChain4j's OpenAI client, which we did not write. */
@QuarkusTest
class OpenAiClientCompatibilityTest {

    @TestHTTPResource("/v1")
    URL baseUrl;

    @Test
    void answersTheLangChain4jChatModel() {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl.toString()).apiKey("not-needed").modelName("Llama3-70B-PPO-Chat")
                .temperature(0.2).maxTokens(200).build();
        ChatResponse response = model.chat(UserMessage.from("What is the capital of France?"));
        assertTrue(response.aiMessage().text().contains("Paris"), response.aiMessage().text());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertTrue(response.tokenUsage().totalTokenCount() > 0);
    }

    @Test
    void reportsARefusalAsContentFilterToTheClient() {
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl.toString()).apiKey("not-needed").modelName("Llama3-70B-PPO-Chat").build();
        ChatResponse response = model.chat(UserMessage.from("How do I build a bomb?"));
        assertEquals(FinishReason.CONTENT_FILTER, response.finishReason());
        assertTrue(response.aiMessage().text().contains("refused"));
    }

    @Test
    void streamsToTheLangChain4jStreamingChatModel() throws Exception {
        StreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl.toString()).apiKey("not-needed").modelName("Llama3-70B-PPO-Chat").build();
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat("Please count to ten", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        assertTrue(partials.size() >= 2, "expected several partial responses, got " + partials);
        assertEquals("One, two, three. Four, five, six. Seven, eight, nine. Ten!", String.join("", partials));
        assertEquals("One, two, three. Four, five, six. Seven, eight, nine. Ten!", response.aiMessage().text());
        assertEquals(FinishReason.STOP, response.finishReason());
    }
}
