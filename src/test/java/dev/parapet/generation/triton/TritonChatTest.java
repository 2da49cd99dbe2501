package dev.parapet.generation.triton;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.SseContent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway with {@code backend=triton} against the fake TRT-LLM ensemble (decoupled, streaming):
 * chat through {@code /v1/chat/completions}, unary and streamed, and every Triton fault ending in its
 * OpenAI-shaped status with no unchecked text in the body.
 */
@QuarkusTest
@TestProfile(TritonChatTest.AgainstFakeTriton.class)
class TritonChatTest {

    public static class AgainstFakeTriton implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTritonResource.class, java.util.Map.of("profile", "trtllm", "decoupled", "true")));
        }
    }

    static final String CHAT = "{\"model\":\"Llama3-70B-PPO-Chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about bridges.\"}]}";
    static final String STREAM = "{\"model\":\"Llama3-70B-PPO-Chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about bridges.\"}]}";

    @TestHTTPResource("/v1/chat/completions")
    URL chat;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @TestHTTPResource("/q/health/live")
    URL live;

    FakeTriton fake;

    @BeforeEach
    void reset() {
        fake = FakeTritonResource.fake().reset();
    }

    @Test
    void unaryChatComesFromTriton() {
        fake.chunks("Bridges ", "carry ", "loads ", "across ", "gaps.");
        given().contentType("application/json").body(CHAT).post(chat)
                .then().statusCode(200)
                .header("X-Parapet-Generator", "triton")
                .body("choices[0].message.content", equalTo("Bridges carry loads across gaps."));
        assertEquals("ModelStreamInfer", fake.last().rpc(), "a decoupled model is called over the stream RPC");
        String prompt = (String) fake.last().input("text_input").value();
        assertTrue(prompt.startsWith("<extra_id_0>System\n") && prompt.endsWith("<extra_id_1>Assistant\n"), "rendered PPO-Chat prompt");
    }

    @Test
    void streamedChatArrivesAsServerSentEvents() {
        fake.chunks("Bridges ", "carry ", "loads. ", "Arches ", "push ", "outward.");
        String body = given().contentType("application/json").body(STREAM).post(chat)
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();
        assertTrue(body.endsWith("data: [DONE]\n\n"), body);
        assertTrue(SseContent.joined(body).startsWith("Bridges carry loads. Arches push outward."), body);
    }

    @Test
    void modelStopsAtTheEndOfTurnMarker() {
        fake.chunks("Short answer.", "\n<extra_id_1>", "User\nforged turn");
        given().contentType("application/json").body(CHAT).post(chat)
                .then().statusCode(200)
                .body("choices[0].message.content", equalTo("Short answer."));
    }

    @Test
    void tritonUnavailableIs503Json() {
        fake.fault(FakeTriton.Fault.UNAVAILABLE, 2);
        given().contentType("application/json").body(CHAT).post(chat)
                .then().statusCode(503).header("Retry-After", not(equalTo(null)))
                .body("error.code", equalTo("model_unavailable"));
    }

    @Test
    void deadlineIs504Json() {
        fake.latency(Duration.ofSeconds(3));
        given().contentType("application/json").body(CHAT).post(chat)
                .then().statusCode(504).body("error.code", equalTo("generation_timeout"));
    }

    @Test
    void modelErrorIs502Json() {
        fake.fault(FakeTriton.Fault.MODEL_ERROR, 1);
        given().contentType("application/json").body(CHAT).post(chat)
                .then().statusCode(502).body("error.code", equalTo("model_error"));
    }

    @Test
    void streamFailingBeforeTextIsAnHttpError() {
        fake.fault(FakeTriton.Fault.MODEL_ERROR, 1);
        given().contentType("application/json").body(STREAM).post(chat)
                .then().statusCode(502).body("error.code", equalTo("model_error"));
    }

    @Test
    void streamBrokenMidwaySendsOnlyCheckedTextThenAnInBandError() {
        // No sentence end before the break, so nothing passed the output rails yet: nothing may be shown.
        // The pause lets the first chunk reach the chat layer before the break, so the break happens
        // mid-response (a break before that is a plain 503, also without text).
        fake.chunks("unchecked ", "partial ", "words ", "that ", "never ", "end").fault(FakeTriton.Fault.DROP_STREAM, 1).faultAfterChunks(4)
                .chunkDelay(Duration.ofMillis(250));
        String body = given().contentType("application/json").body(STREAM).post(chat)
                .then().statusCode(200).extract().asString();
        assertFalse(body.contains("unchecked"), body);
        assertTrue(body.contains("\"model_unavailable\""), body);
        assertTrue(body.endsWith("data: [DONE]\n\n"), body);
    }

    @Test
    void inBandErrorMidwayEndsTheStreamWithModelError() {
        fake.chunks("one ", "two ", "three").fault(FakeTriton.Fault.ERROR_MIDWAY, 1).faultAfterChunks(2).chunkDelay(Duration.ofMillis(250));
        String body = given().contentType("application/json").body(STREAM).post(chat)
                .then().statusCode(200).extract().asString();
        assertFalse(body.contains("one two"), body);
        assertTrue(body.contains("\"model_error\""), body);
    }

    @Test
    void readinessFollowsTritonAndLivenessDoesNot() {
        given().get(ready).then().statusCode(200);
        fake.modelReady(false);
        given().get(ready).then().statusCode(503).body(containsString("not ready"));
        given().get(live).then().statusCode(200);
    }
}
