package dev.parapet.classify.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.rails.Stage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks a running Parapet service whether it intervenes on a text, the way any client does:
 * {@code POST /v1/guard} with the text, the stage and the configuration; intervenes when the answer's
 * {@code decision} is anything but {@code allow}. This is how a sealed set is judged: against the
 * service as deployed, its rails, policies and settings, not against code in this process.
 *
 * <p>Why any failure stops the run instead of counting the row: an error answer is neither an allow nor
 * an intervention, and a run that quietly scored failures one way or the other would misstate both
 * errors. The message names what the service said, never the text.
 */
final class RemoteGuard implements Evaluation.Guard {

    /** A request the service did not answer with a decision. */
    static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String config;
    private final String tenant;
    private final Stage stage;
    private final Duration timeout;
    private final Set<String> policyVersions = new TreeSet<>();
    private final Set<String> configs = new TreeSet<>();

    /**
     * @param base the service's root, for example {@code http://127.0.0.1:8080}
     * @param config the guard configuration to ask for; null for the service's default
     * @param tenant the tenant whose policy applies; null for the default tenant
     */
    RemoteGuard(URI base, String config, String tenant, Stage stage, Duration timeout) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        this.endpoint = URI.create(root).resolve("v1/guard");
        this.config = config;
        this.tenant = tenant;
        this.stage = stage;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public boolean intervenes(String text) {
        return !"allow".equals(decision(text));
    }

    /** The decision the service answers for {@code text}: {@code allow}, {@code block}, {@code mask} ... */
    String decision(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        body.put("stage", stage.name().toLowerCase(Locale.ROOT));
        if (config != null) {
            body.put("config", config);
        }
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("no answer from " + endpoint + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for " + endpoint, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            String said = answer == null ? "" : answer.path("error").path("message").asText("");
            throw new Failure(endpoint + " answered HTTP " + response.statusCode()
                    + (said.isEmpty() ? "" : ": " + said), null);
        }
        if (answer == null || !answer.path("decision").isTextual()) {
            throw new Failure(endpoint + " answered without a decision; is this a Parapet service?", null);
        }
        synchronized (this) {
            policyVersions.add(answer.path("policy_version").asText("unknown"));
            configs.add(answer.path("config").asText("unknown"));
        }
        return answer.path("decision").asText();
    }

    /** Every policy version that answered; more than one means the policy changed during the run. */
    synchronized Set<String> policyVersions() {
        return Set.copyOf(policyVersions);
    }

    /** Every configuration name the service said it used. */
    synchronized Set<String> configs() {
        return Set.copyOf(configs);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused (is the service running?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
