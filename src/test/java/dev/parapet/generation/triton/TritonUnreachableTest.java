package dev.parapet.generation.triton;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Started with {@code backend=triton} and nothing listening: it starts, is live, not ready, and answers 503. */
@QuarkusTest
@TestProfile(TritonUnreachableTest.NothingListening.class)
class TritonUnreachableTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parapet.generation.backend", "triton",
                    "parapet.triton.target", "localhost:" + closedPort(),
                    "parapet.triton.probe-deadline", "1s");
        }
    }

    @TestHTTPResource("/v1/chat/completions")
    URL chat;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @TestHTTPResource("/q/health/live")
    URL live;

    @Test
    void readinessIsDownWithTheReason() {
        given().get(ready).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(containsString("did not answer"));
    }

    @Test
    void livenessIsUp() {
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void chatIs503Json() {
        given().contentType("application/json")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}")
                .post(chat)
                .then().statusCode(503)
                .contentType(containsString("application/json"))
                .body("error.type", equalTo("server_error"))
                .body("error.code", equalTo("model_unavailable"));
    }

    @Test
    void streamedChatIs503JsonToo() {
        given().contentType("application/json")
                .body("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}")
                .post(chat)
                .then().statusCode(503).body("error.code", equalTo("model_unavailable"));
    }

    /** A port that was free a moment ago; nothing listens on it. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
