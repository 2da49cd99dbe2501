package dev.parapet.generation.triton;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.SseContent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code parapet.judge.model} set: the guard model is a Triton model of its own (here on a second fake
 * Triton), asked in the Llama 3 guard format, while chat still goes to the chat model. Texts written for
 * this test.
 */
@QuarkusTest
@TestProfile(GuardModelOfItsOwnTest.ChatAndGuardModels.class)
class GuardModelOfItsOwnTest {

    public static class ChatAndGuardModels implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTritonResource.class, Map.of("profile", "trtllm", "decoupled", "true")),
                    new TestResourceEntry(FakeGuardModelResource.class));
        }
    }

    @TestHTTPResource("/v1/guard")
    URL guard;

    @TestHTTPResource("/v1/chat/completions")
    URL chat;

    FakeTriton chatModel;
    FakeTriton guardModel;

    @BeforeEach
    void reset() {
        chatModel = FakeTritonResource.fake().reset();
        guardModel = FakeGuardModelResource.fake().reset();
    }

    @Test
    void anUnsurePromptIsJudgedByTheGuardModelInItsOwnFormat() {
        guardModel.reply("unsafe\nS2");
        JsonPath r = given().contentType("application/json").body(Map.of("text", JudgeWhenAskedTest.UNSURE, "config", "judge"))
                .post(guard).then().statusCode(200).extract().jsonPath();
        assertEquals("block", r.getString("decision"));
        assertEquals(1, guardModel.received().size());
        assertEquals(FakeGuardModelResource.MODEL, guardModel.last().raw().getModelName());
        String prompt = (String) guardModel.last().input("text_input").value();
        assertTrue(prompt.startsWith("<|begin_of_text|><|start_header_id|>user<|end_header_id|>") && prompt.contains(JudgeWhenAskedTest.UNSURE), prompt);
        assertEquals(0, chatModel.received().size(), "the chat model is not asked to judge");
    }

    @Test
    void chatGoesToTheChatModelAndAnEverydayExchangeNeverReachesTheGuardModel() {
        chatModel.chunks("Rome ", "was ", "founded ", "in ", "753 BC.");
        String body = "{\"model\":\"Llama3-70B-PPO-Chat\",\"guardrails\":{\"config\":\"judge\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"When was Rome founded?\"}]}";
        given().contentType("application/json").body(body).post(chat).then().statusCode(200)
                .body("guardrails.consulted", org.hamcrest.Matchers.empty());
        assertEquals(1, chatModel.received().size());
        assertEquals(0, guardModel.received().size(), "neither the prompt nor the reply needed a second opinion");
    }

    /** The first sentence makes the output policy ask; the whole reply, read alone, would not. */
    static final String[] UNSURE_REPLY = {"Go on a Tuesday night when only one clerk is working, ", "park behind the store ",
            "and keep your hood up. ", "Bring a bag big enough ", "for the cash drawer."};

    private String streamed() {
        String body = "{\"model\":\"Llama3-70B-PPO-Chat\",\"stream\":true,\"guardrails\":{\"config\":\"judge\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"When is the corner store least busy?\"}]}";
        String sse = given().contentType("application/json").body(body).post(chat).then().statusCode(200).extract().asString();
        return SseContent.joined(sse);
    }

    @Test
    void aStreamedReplyThePolicyIsUnsureOfIsHeldUntilTheGuardModelHasReadAllOfIt() {
        chatModel.chunks(UNSURE_REPLY);
        guardModel.reply("unsafe\nS2");
        String shown = streamed();
        assertTrue(!shown.contains("Tuesday") && !shown.contains("cash drawer"), "nothing of the reply went out: " + shown);
        assertTrue(shown.contains("withheld"), shown);
        assertEquals(1, guardModel.received().size(), "asked once, about the whole reply");
        String judged = (String) guardModel.last().input("text_input").value();
        assertTrue(judged.contains("Agent: Go on a Tuesday night") && judged.contains("for the cash drawer."), judged);
    }

    @Test
    void aStreamedReplyTheGuardModelFindsSafeGoesOutWhole() {
        chatModel.chunks(UNSURE_REPLY);
        guardModel.reply("safe");
        assertEquals(String.join("", UNSURE_REPLY), streamed());
        assertEquals(1, guardModel.received().size());
    }

    @Test
    void aChatWhosePromptTheGuardModelClearsIsAnsweredAndSaysTheGuardModelWasConsulted() {
        guardModel.reply("safe");
        chatModel.chunks("Rome was founded in 753 BC. ", "It grew from a small settlement on the Tiber ", "into the capital of an empire.");
        String body = "{\"model\":\"Llama3-70B-PPO-Chat\",\"guardrails\":{\"config\":\"judge\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + JudgeWhenAskedTest.UNSURE + "\"}]}";
        given().contentType("application/json").body(body).post(chat).then().statusCode(200)
                .body("choices[0].message.content", org.hamcrest.Matchers.startsWith("Rome was founded in 753 BC."))
                .body("guardrails.consulted", org.hamcrest.Matchers.contains("guard-model"));
        assertEquals(1, guardModel.received().size(), "asked about the prompt; the reply gave no cause");
    }
}
