package dev.parapet.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx in OpenAI's error shape, never a stack trace or a 500. */
@QuarkusTest
class OpenAiErrorMapperTest {

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/chat/completions").then();
    }

    private static void assertError(ValidatableResponse r, int status, String code, String param) {
        r.statusCode(status)
                .contentType(containsString("application/json"))
                .body("error.message", notNullValue())
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo(code))
                .body("error.param", equalTo(param))
                .body(not(containsString("at dev.parapet")))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        assertError(post("{\"messages\": [ {\"role\": \"user\", "), 400, "invalid_json", null);
        assertError(post("[1, 2]"), 400, "invalid_json", null);
        assertError(post(""), 400, "invalid_json", null);
        assertError(post("{\"messages\":[]} trailing"), 400, "invalid_json", null);
    }

    @Test
    void missingOrEmptyMessages() {
        assertError(post("{\"model\":\"Llama3-70B-PPO-Chat\"}"), 400, "missing_required_parameter", "messages");
        assertError(post("{\"messages\":[]}"), 400, "empty_array", "messages");
        assertError(post("{\"messages\":\"hello\"}"), 400, "invalid_type", "messages");
    }

    @Test
    void unknownOrMissingRoles() {
        assertError(post("{\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}"), 400, "invalid_value", "messages[0].role");
        assertError(post("{\"messages\":[{\"content\":\"hi\"}]}"), 400, "missing_required_parameter", "messages[0].role");
        assertError(post("{\"messages\":[{\"role\":\"user\"}]}"), 400, "missing_required_parameter", "messages[0].content");
        assertError(post("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}"),
                400, "invalid_value", "messages[1].role");
    }

    @Test
    void wrongTypesAndRanges() {
        String m = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        assertError(post("{" + m + ",\"temperature\":\"hot\"}"), 400, "invalid_type", "temperature");
        assertError(post("{" + m + ",\"temperature\":7}"), 400, "invalid_value", "temperature");
        assertError(post("{" + m + ",\"top_p\":1.5}"), 400, "invalid_value", "top_p");
        assertError(post("{" + m + ",\"max_tokens\":2.5}"), 400, "invalid_type", "max_tokens");
        assertError(post("{" + m + ",\"max_tokens\":0}"), 400, "invalid_value", "max_tokens");
        assertError(post("{" + m + ",\"stream\":\"yes\"}"), 400, "invalid_type", "stream");
        assertError(post("{" + m + ",\"stop\":[1,2]}"), 400, "invalid_type", "stop");
        assertError(post("{" + m + ",\"seed\":\"x\"}"), 400, "invalid_type", "seed");
        assertError(post("{" + m + ",\"user\":5}"), 400, "invalid_type", "user");
        assertError(post("{\"messages\":[{\"role\":\"user\",\"content\":42}]}"), 400, "invalid_type", "messages[0].content");
    }

    @Test
    void unknownGuardConfiguration() {
        assertError(post("{\"guardrails\":{\"config\":\"nope\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                400, "unknown_guardrails_config", "guardrails.config");
        assertError(given().contentType(ContentType.JSON).header("X-Guardrails-Config", "nope")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").when().post("/v1/chat/completions").then(),
                400, "unknown_guardrails_config", "guardrails.config");
    }

    @Test
    void unknownModel() {
        assertError(post("{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 404, "model_not_found", "model");
    }

    @Test
    void oversizeBodyGets413() {
        String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(1_100_000) + "\"}]}";
        assertError(post(big), 413, "request_too_large", null);
    }

    @Test
    void contextLengthExceededReportsTheCounts() {
        // Ordinary prose (a single word repeated thousands of times reads as a repetition attack to the rails).
        String longText = "The printing press spread across Europe within a few decades of its invention. ".repeat(200);
        post("{\"messages\":[{\"role\":\"user\",\"content\":\"" + longText + "\"}],\"max_tokens\":2000}")
                .statusCode(400)
                .body("error.code", equalTo("context_length_exceeded"))
                .body("error.prompt_tokens", greaterThan(2500))
                .body("error.max_tokens", equalTo(2000))
                .body("error.context_tokens", equalTo(4096))
                .body("error.message", containsString("4096"));
    }

    @Test
    void unknownPathAndWrongMethodStayInTheErrorShape() {
        given().when().get("/v1/chat/completions").then().statusCode(405).body("error.code", equalTo("method_not_allowed"));
    }
}
