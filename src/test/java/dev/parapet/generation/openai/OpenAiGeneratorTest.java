package dev.parapet.generation.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.Role;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OpenAiGenerator} against a small OpenAI-protocol server on a real socket. */
class OpenAiGeneratorTest {

    private FakeOpenAiUpstream upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakeOpenAiUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    static OpenAiGenerator generator(String baseUrl, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("parapet.openai.base-url", baseUrl);
        props.put("parapet.openai.model", "upstream-model");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            props.put("parapet.openai." + keyValues[i], keyValues[i + 1]);
        }
        OpenAiConfig config = new SmallRyeConfigBuilder().withMapping(OpenAiConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500)).build().getConfigMapping(OpenAiConfig.class);
        return new OpenAiGenerator(config);
    }

    static GenerationRequest request() {
        return new GenerationRequest("req-9", "<extra_id_0>System\n\n<extra_id_1>User\nHi (our example)\n<extra_id_1>Assistant\n",
                List.of(new ChatMessage(Role.SYSTEM, "Be brief."), new ChatMessage(Role.USER, "Hi (our example)")),
                50, 0.3, null, 20, List.of("STOP"), 11L);
    }

    @Test
    void unaryChatSendsMessagesAndParameters() throws Exception {
        upstream.chunks = List.of("Hi ", "there.");
        var result = generator(upstream.baseUrl(), "api-key", "sk-test").generate(request());
        assertEquals("Hi there.", result.text());
        assertEquals(FinishReason.STOP, result.finishReason());
        FakeOpenAiUpstream.Received r = upstream.received().get(0);
        assertEquals("/v1/chat/completions", r.path());
        assertEquals("Bearer sk-test", r.authorization());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals("upstream-model", body.get("model").asText());
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals("Hi (our example)", body.at("/messages/1/content").asText());
        assertEquals(50, body.get("max_tokens").asInt());
        assertEquals(0.3, body.get("temperature").asDouble());
        assertEquals(20, body.get("top_k").asInt());
        assertEquals(11, body.get("seed").asLong());
        assertFalse(body.has("top_p"), "unset parameters are not sent");
        assertEquals("[\"STOP\"]", body.get("stop").toString());
    }

    @Test
    void completionsModeSendsTheRenderedPromptWithTheEndMarkerAsStop() throws Exception {
        upstream.finishReason = "length";
        var result = generator(upstream.baseUrl(), "api", "completions").generate(request());
        assertEquals(FinishReason.LENGTH, result.finishReason());
        FakeOpenAiUpstream.Received r = upstream.received().get(0);
        assertEquals("/v1/completions", r.path());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertTrue(body.get("prompt").asText().endsWith("<extra_id_1>Assistant\n"));
        assertEquals("[\"<extra_id_1>\",\"STOP\"]", body.get("stop").toString());
    }

    @Test
    void streamsDeltasFromServerSentEvents() {
        upstream.chunks = List.of("One ", "two ", "three.");
        List<GenerationChunk> chunks = generator(upstream.baseUrl()).stream(request()).collect().asList().await().indefinitely();
        assertEquals(List.of("One ", "two ", "three."), chunks.stream().map(GenerationChunk::delta).toList());
        assertEquals(FinishReason.STOP, chunks.get(2).finishReason());
    }

    @Test
    void errorEventInsideTheStreamIsAModelError() {
        upstream.errorEventAfter = 1;
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThrows(GenerationException.ModelError.class, () -> generator(upstream.baseUrl()).stream(request())
                .invoke(c -> seen.add(c.delta())).collect().asList().await().indefinitely());
        assertEquals(List.of("Hello "), seen);
    }

    @Test
    void streamEndingWithoutDoneIsUnavailable() {
        upstream.endWithoutDone = true;
        assertThrows(GenerationException.Unavailable.class,
                () -> generator(upstream.baseUrl()).stream(request()).collect().asList().await().indefinitely());
    }

    @Test
    void upstreamStatusesMapToTheirMeaning() {
        OpenAiGenerator generator = generator(upstream.baseUrl(), "breaker-failure-threshold", "100");
        upstream.errorStatus = 503;
        assertThrows(GenerationException.Unavailable.class, () -> generator.generate(request()));
        upstream.errorStatus = 504;
        assertThrows(GenerationException.Timeout.class, () -> generator.generate(request()));
        upstream.errorStatus = 500;
        assertThrows(GenerationException.ModelError.class, () -> generator.generate(request()));
        upstream.errorStatus = 400;
        assertThrows(GenerationException.ModelError.class, () -> generator.stream(request()).collect().asList().await().indefinitely());
        upstream.errorStatus = 429;
        upstream.errorHeaders = Map.of("Retry-After", "7");
        GenerationException.Overloaded e = assertThrows(GenerationException.Overloaded.class, () -> generator.generate(request()));
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
    }

    @Test
    void slowUpstreamIsATimeout() {
        upstream.delayMillis = 1500;
        assertThrows(GenerationException.Timeout.class, () -> generator(upstream.baseUrl(), "deadline", "300ms").generate(request()));
    }

    @Test
    void nothingListeningIsUnavailableAndNotReady() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OpenAiGenerator generator = generator("http://localhost:" + port + "/v1");
        assertThrows(GenerationException.Unavailable.class, () -> generator.generate(request()));
        assertFalse(generator.readiness().ready());
        assertTrue(generator(upstream.baseUrl()).readiness().ready());
    }
}
