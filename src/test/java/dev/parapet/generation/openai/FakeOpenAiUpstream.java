package dev.parapet.generation.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny OpenAI-compatible server for tests (JDK HttpServer on a random port): answers
 * {@code /v1/chat/completions} and {@code /v1/completions} as JSON or as SSE when the request says
 * {@code "stream": true}, or with a scripted error status; records each request.
 */
final class FakeOpenAiUpstream implements AutoCloseable {

    /** A request as received: path, headers of interest, body. */
    record Received(String path, String authorization, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    volatile List<String> chunks = List.of("Hello ", "from ", "upstream.");
    volatile String finishReason = "stop";
    volatile int errorStatus;
    volatile Map<String, String> errorHeaders = Map.of();
    volatile int errorEventAfter = -1;
    volatile boolean endWithoutDone;
    volatile long delayMillis;

    FakeOpenAiUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        sleep(delayMillis);
        if (path.endsWith("/models")) {
            send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[]}");
            return;
        }
        if (errorStatus != 0) {
            errorHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            send(exchange, errorStatus, "application/json", "{\"error\":{\"message\":\"fake upstream error\",\"type\":\"server_error\"}}");
            return;
        }
        boolean chat = path.endsWith("/chat/completions");
        if (!body.contains("\"stream\":true")) {
            String text = String.join("", chunks).replace("\"", "\\\"");
            String choice = chat ? "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"" + finishReason + "\"}"
                    : "{\"index\":0,\"text\":\"" + text + "\",\"finish_reason\":\"" + finishReason + "\"}";
            send(exchange, 200, "application/json", "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[" + choice + "]}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (chat) {
                event(out, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}");
            }
            for (int i = 0; i < chunks.size(); i++) {
                if (i == errorEventAfter) {
                    event(out, "{\"error\":{\"message\":\"fake failure midway\"}}");
                    return;
                }
                sleep(delayMillis);
                String delta = chunks.get(i).replace("\"", "\\\"");
                String reason = i == chunks.size() - 1 ? "\"" + finishReason + "\"" : "null";
                event(out, chat ? "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + delta + "\"},\"finish_reason\":" + reason + "}]}"
                        : "{\"choices\":[{\"index\":0,\"text\":\"" + delta + "\",\"finish_reason\":" + reason + "}]}");
            }
            if (!endWithoutDone) {
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
