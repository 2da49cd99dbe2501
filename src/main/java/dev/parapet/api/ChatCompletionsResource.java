package dev.parapet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.chat.ChatOutcome;
import dev.parapet.chat.GuardedChat;
import dev.parapet.chat.GuardedStream;
import dev.parapet.generation.GenerationConfig;
import dev.parapet.security.RequestContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions}: OpenAI's chat API in front of the guarded chat. Parses, calls
 * {@link GuardedChat}, shapes the answer; with {@code stream: true} answers with Server-Sent Events whose
 * text the output rails have already passed.
 */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    static final String CONFIG_HEADER = "X-Guardrails-Config";
    static final String GENERATOR_HEADER = "X-Parapet-Generator";

    private final GuardedChat chat;
    private final GenerationConfig generation;
    private final ApiConfig api;
    private final Clock clock;
    private final OpenAiErrorMapper errors = new OpenAiErrorMapper();

    public ChatCompletionsResource(GuardedChat chat, GenerationConfig generation, ApiConfig api) {
        this.chat = chat;
        this.generation = generation;
        this.api = api;
        this.clock = Clock.systemUTC();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response complete(String body, @HeaderParam(CONFIG_HEADER) String configHeader) {
        ChatCompletionCall call = ChatCompletionCall.parse(body, api.maxBodyBytes());
        if (call.model() != null && !call.model().isBlank() && !call.model().equals(generation.modelName())) {
            throw new ApiException(404, "invalid_request_error", "model_not_found", "model",
                    "The model '" + call.model() + "' does not exist here; this gateway serves '" + generation.modelName() + "'.");
        }
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        String configName = call.configName() != null ? call.configName() : configHeader;
        RequestContext context = new RequestContext(id, null, null, Set.of(), configName);
        String backend = chat.generator().id();
        ChatCompletionJson shapes = new ChatCompletionJson(id, clock.instant().getEpochSecond(), generation.modelName(),
                "parapet-" + backend + ("demo".equals(backend) ? " (scripted replies, not a model)" : ""));
        if (!call.stream()) {
            ChatOutcome outcome = chat.complete(call.request(), context);
            return Response.ok(shapes.completion(outcome), MediaType.APPLICATION_JSON_TYPE)
                    .header(GENERATOR_HEADER, backend).build();
        }
        GuardedChat.Prepared prepared = chat.prepare(call.request(), context);
        // Start generation before answering, so a failed start is still an HTTP error, not a broken stream.
        GuardedStream stream = prepared.refusal() == null ? GuardedStream.of(chat, prepared).start() : null;
        StreamingOutput events = out -> {
            send(out, shapes.roleChunk());
            if (stream == null) {
                send(out, shapes.textChunk(prepared.refusal().reply()));
                end(out, shapes, prepared.refusal(), call.includeUsage());
                return;
            }
            try {
                stream.run(new GuardedStream.Listener() {
                    @Override
                    public void text(String delta) {
                        send(out, shapes.textChunk(delta));
                    }

                    @Override
                    public void end(ChatOutcome outcome) {
                        ChatCompletionsResource.end(out, shapes, outcome, call.includeUsage());
                    }
                });
            } catch (UncheckedIOException clientGone) {
                throw clientGone;
            } catch (RuntimeException e) {
                // Headers are gone already: report in-band, as OpenAI does, and end the stream.
                // Nothing unchecked was sent: only text the output rails had passed went out.
                Response error = errors.toResponse(e);
                send(out, (ObjectNode) error.getEntity());
                write(out, "data: [DONE]\n\n");
            }
        };
        return Response.ok(events, "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header(GENERATOR_HEADER, backend)
                .build();
    }

    private static void end(OutputStream out, ChatCompletionJson shapes, ChatOutcome outcome, boolean includeUsage) {
        send(out, shapes.finalChunk(outcome));
        if (includeUsage) {
            send(out, shapes.usageChunk(outcome));
        }
        write(out, "data: [DONE]\n\n");
    }

    private static void send(OutputStream out, ObjectNode event) {
        write(out, "data: " + event + "\n\n");
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("client went away", e);
        }
    }
}
