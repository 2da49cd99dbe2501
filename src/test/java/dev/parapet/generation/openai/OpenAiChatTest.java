package dev.parapet.generation.openai;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.SseContent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway with {@code backend=openai} in front of a fake OpenAI-compatible upstream. */
@QuarkusTest
@TestProfile(OpenAiChatTest.AgainstFakeUpstream.class)
class OpenAiChatTest {

    public static class AgainstFakeUpstream implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Upstream.class));
        }
    }

    public static class Upstream implements QuarkusTestResourceLifecycleManager {
        static FakeOpenAiUpstream fake;

        @Override
        public Map<String, String> start() {
            try {
                fake = new FakeOpenAiUpstream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("parapet.generation.backend", "openai", "parapet.openai.base-url", fake.baseUrl());
        }

        @Override
        public void stop() {
            fake.close();
        }
    }

    @TestHTTPResource("/v1/chat/completions")
    URL chat;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @Test
    void unaryAndStreamedChatComeFromTheUpstream() {
        Upstream.fake.chunks = List.of("Arches ", "carry ", "weight.");
        Upstream.fake.errorStatus = 0;
        given().contentType("application/json")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"How do arches work?\"}]}")
                .post(chat).then().statusCode(200)
                .header("X-Parapet-Generator", "openai")
                .body("choices[0].message.content", equalTo("Arches carry weight."));
        String sse = given().contentType("application/json")
                .body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"How do arches work?\"}]}")
                .post(chat).then().statusCode(200).contentType(containsString("text/event-stream")).extract().asString();
        assertTrue(SseContent.joined(sse).startsWith("Arches carry weight."), sse);
        given().get(ready).then().statusCode(200);
    }

    @Test
    void upstreamOverloadIs429WithRetryAfter() {
        Upstream.fake.errorStatus = 429;
        Upstream.fake.errorHeaders = Map.of("Retry-After", "9");
        try {
            given().contentType("application/json")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"How do arches work?\"}]}")
                    .post(chat).then().statusCode(429).header("Retry-After", "9")
                    .body("error.code", equalTo("too_many_generations"));
        } finally {
            Upstream.fake.errorStatus = 0;
        }
    }
}
