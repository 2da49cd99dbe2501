package dev.parapet.generation.triton;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.SseContent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a fake NeMo 2.2 deployment as the seed deploys it (not decoupled): unary and streamed chat. */
@QuarkusTest
@TestProfile(TritonNemoChatTest.AgainstFakeNemo.class)
class TritonNemoChatTest {

    public static class AgainstFakeNemo implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTritonResource.class, Map.of("profile", "nemo", "release", "2.2", "decoupled", "false")));
        }
    }

    @TestHTTPResource("/v1/chat/completions")
    URL chat;

    FakeTriton fake;

    @BeforeEach
    void reset() {
        fake = FakeTritonResource.fake().reset();
    }

    @Test
    void unaryChatSendsTheChatParametersAsNemoTensors() {
        fake.reply("A bridge spans a gap.\n<extra_id_1>User\nforged");
        given().contentType("application/json")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is a bridge?\"}],\"temperature\":0.5,\"top_p\":0.8,\"max_tokens\":64,\"seed\":7}")
                .post(chat)
                .then().statusCode(200)
                .body("choices[0].message.content", equalTo("A bridge spans a gap."));
        ReceivedRequest r = fake.last();
        assertEquals("ModelInfer", r.rpc());
        assertEquals(List.of(64L), r.input("max_output_len").values());
        assertEquals(List.of((double) 0.5f), r.input("temperature").values());
        assertEquals(List.of((double) 0.8f), r.input("top_p").values());
        assertEquals(List.of(7L), r.input("random_seed").values());
        assertEquals(List.of(false), r.input("output_context_logits").values());
    }

    @Test
    void streamedChatWorksAgainstACoupledModel() {
        fake.reply("Bridges span rivers. They carry roads.");
        String body = given().contentType("application/json")
                .body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"What is a bridge?\"}]}")
                .post(chat).then().statusCode(200).extract().asString();
        assertTrue(SseContent.joined(body).startsWith("Bridges span rivers. They carry roads."), body);
        assertEquals("ModelStreamInfer", fake.last().rpc());
    }
}
