package dev.parapet.generation.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.generation.CircuitBreaker;
import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationGuard;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.GenerationResult;
import dev.parapet.generation.Generator;
import dev.parapet.generation.InFlightLimit;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Generates through any OpenAI-compatible upstream (NVIDIA NIM, vLLM, Triton's OpenAI frontend) with the
 * JDK HttpClient: {@code /chat/completions} (or {@code /completions} with Parapet's rendered prompt),
 * unary or streamed as Server-Sent Events. Upstream failures map to {@link GenerationException}s: not
 * reachable or 502/503 = unavailable, 504 or no answer in time = timeout, 429 = overloaded, other
 * errors (including an error event inside a stream) = model error.
 */
@Identifier(OpenAiGenerator.ID)
@ApplicationScoped
public class OpenAiGenerator implements Generator {

    public static final String ID = "openai";

    private final OpenAiConfig config;
    private final HttpClient http;
    private final GenerationGuard guard;
    private final boolean chat;

    @Inject
    public OpenAiGenerator(OpenAiConfig config) {
        this(config, Clock.systemUTC());
    }

    public OpenAiGenerator(OpenAiConfig config, Clock clock) {
        this.config = config;
        this.chat = !"completions".equals(config.api());
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.guard = new GenerationGuard("OpenAI upstream",
                new CircuitBreaker(config.breakerFailureThreshold(), config.breakerOpenFor(), clock),
                new InFlightLimit(config.maxInFlight(), config.queue(), config.queueWait(), config.retryAfter()));
        Log.infof("OpenAI-compatible backend: %s model=%s api=%s key=%s", config.baseUrl(), config.model(),
                chat ? "chat" : "completions", config.apiKey().isPresent() ? "set" : "none");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        return guard.call(() -> {
            HttpResponse<String> response = send(request, false, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw failure(response.statusCode(), response.body(), response);
            }
            JsonNode json = OpenAiWire.parse(response.body());
            FinishReason reason = OpenAiWire.finishReason(json);
            return new GenerationResult(OpenAiWire.text(json, chat, false), reason == null ? FinishReason.STOP : reason);
        });
    }

    @Override
    public Multi<GenerationChunk> stream(GenerationRequest request) {
        return guard.stream(() -> Multi.createFrom().deferred(() -> {
            HttpResponse<Stream<String>> response = send(request, true, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body;
                try (Stream<String> lines = response.body()) {
                    body = String.join("\n", (Iterable<String>) lines.limit(50)::iterator);
                }
                throw failure(response.statusCode(), body, response);
            }
            Stream<String> lines = response.body();
            return Multi.createFrom().<GenerationChunk>iterable(() -> new SseChunks(lines.iterator(), chat))
                    .ifNoItem().after(config.deadline()).failWith(() ->
                            new GenerationException.Timeout("Upstream sent nothing for " + config.deadline().toSeconds() + " s", null))
                    .onTermination().invoke(lines::close);
        }));
    }

    @Override
    public Readiness readiness() {
        try {
            HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create(config.baseUrl() + "/models"))
                    .timeout(Duration.ofSeconds(3)).GET();
            config.apiKey().ifPresent(key -> probe.header("Authorization", "Bearer " + key));
            int status = http.send(probe.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Readiness.READY
                    : new Readiness(false, "OpenAI upstream " + config.baseUrl() + " answered /models with HTTP " + status);
        } catch (IOException e) {
            return new Readiness(false, "OpenAI upstream " + config.baseUrl() + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(false, "interrupted");
        }
    }

    private <T> HttpResponse<T> send(GenerationRequest request, boolean stream, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.baseUrl() + (chat ? "/chat/completions" : "/completions")))
                .timeout(config.deadline())
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .header("X-Request-Id", request.requestId())
                .POST(HttpRequest.BodyPublishers.ofString(OpenAiWire.requestBody(request, config.model(), chat, stream)));
        config.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        HttpRequest httpRequest = builder.build();
        try {
            try {
                return http.send(httpRequest, handler);
            } catch (ConnectException e) {
                // Nothing was sent yet: one retry, as for Triton's UNAVAILABLE.
                Log.infof("OpenAI upstream unreachable for %s; retrying once", request.requestId());
                return http.send(httpRequest, handler);
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new GenerationException.Unavailable("OpenAI upstream " + config.baseUrl() + " unreachable", e);
        } catch (HttpTimeoutException e) {
            throw new GenerationException.Timeout("OpenAI upstream did not answer within " + config.deadline().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new GenerationException.Unavailable("OpenAI upstream connection failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException.Unavailable("interrupted", e);
        }
    }

    private static GenerationException failure(int status, String body, HttpResponse<?> response) {
        String message = "OpenAI upstream answered HTTP " + status;
        String detail = OpenAiWire.errorMessage(body);
        if (!detail.isEmpty()) {
            message += ": " + detail;
        }
        if (status == 429) {
            long seconds = response.headers().firstValue("Retry-After").map(OpenAiGenerator::seconds).orElse(1L);
            return new GenerationException.Overloaded(message, Duration.ofSeconds(seconds));
        }
        if (status == 504 || status == 408) {
            return new GenerationException.Timeout(message, null);
        }
        if (status == 502 || status == 503 || status == 401 || status == 403) {
            // Down, or refusing our credentials: either way not something the client can fix.
            return new GenerationException.Unavailable(message, null);
        }
        return new GenerationException.ModelError(message, null);
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Reads SSE lines into chunks: {@code data: {json}} events until {@code data: [DONE]}; an error event fails. */
    private static final class SseChunks implements Iterator<GenerationChunk> {
        private final Iterator<String> lines;
        private final boolean chat;
        private GenerationChunk next;
        private boolean done;

        SseChunks(Iterator<String> lines, boolean chat) {
            this.lines = lines;
            this.chat = chat;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                if (!lines.hasNext()) {
                    throw new GenerationException.Unavailable("Upstream stream ended without [DONE]", null);
                }
                String line = lines.next();
                if (!line.startsWith("data:")) {
                    continue; // blank separators, comments (": keep-alive"), event names
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode event = OpenAiWire.parse(data);
                if (event.has("error")) {
                    throw new GenerationException.ModelError("Upstream reported an error inside the stream: "
                            + OpenAiWire.errorMessage(data), null);
                }
                String delta = OpenAiWire.text(event, chat, true);
                FinishReason reason = OpenAiWire.finishReason(event);
                if (!delta.isEmpty() || reason != null) {
                    next = new GenerationChunk(delta, reason);
                }
            }
            return next != null;
        }

        @Override
        public GenerationChunk next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            GenerationChunk chunk = next;
            next = null;
            return chunk;
        }
    }
}
