package dev.parapet.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.generation.GenerationException;
import dev.parapet.policy.PolicyFailure;
import dev.parapet.prompt.ContextLengthExceededException;
import dev.parapet.rails.RailFailure;
import dev.parapet.rails.UnknownConfigurationException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes one JSON shape, OpenAI's: {@code {"error": {"message", "type", "param", "code"}}}.
 * Resources and stages throw; only this class builds error responses. Never a stack trace in a body,
 * and never a 500 for something the client sent.
 */
public class OpenAiErrorMapper {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return error(e.status(), e.type(), e.code(), e.param(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownConfiguration(UnknownConfigurationException e) {
        return error(400, "invalid_request_error", "unknown_guardrails_config", "guardrails.config", e.getMessage());
    }

    @ServerExceptionMapper
    public Response contextLength(ContextLengthExceededException e) {
        ObjectNode body = body("invalid_request_error", "context_length_exceeded", "messages", e.getMessage());
        ObjectNode err = (ObjectNode) body.get("error");
        err.put("prompt_tokens", e.promptTokens());
        err.put("max_tokens", e.maxTokens());
        err.put("context_tokens", e.contextTokens());
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response generation(GenerationException e) {
        Log.warnf("generation failed: %s", e.getMessage());
        if (e instanceof GenerationException.Timeout) {
            return error(504, "server_error", "generation_timeout", null, "The model did not answer in time: " + e.getMessage());
        }
        if (e instanceof GenerationException.ModelError) {
            return error(502, "server_error", "model_error", null, "The model returned an error: " + e.getMessage());
        }
        if (e instanceof GenerationException.Overloaded o) {
            long seconds = Math.max(1, o.retryAfter() == null ? 1 : (o.retryAfter().toMillis() + 999) / 1000);
            return Response.fromResponse(error(429, "rate_limit_error", "too_many_generations", null, e.getMessage()))
                    .header("Retry-After", seconds).build();
        }
        return Response.fromResponse(error(503, "server_error", "model_unavailable", null, "The model is unavailable: " + e.getMessage()))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response railFailure(RailFailure e) {
        Log.errorf(e, "rail failed; request failed closed");
        return error(500, "server_error", "guardrail_failure", null,
                "A guardrail could not check this request (" + e.rail() + "), so it was not processed.");
    }

    @ServerExceptionMapper
    public Response policyFailure(PolicyFailure e) {
        Log.errorf(e, "policy engine failed; request failed closed");
        return error(500, "server_error", "policy_failure", null, "The policy engine could not decide, so the request was not processed.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
        String type = status < 500 ? "invalid_request_error" : "server_error";
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + status : e.getMessage();
        return error(status, type, code, null, message);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        Log.errorf(e, "unexpected failure");
        return error(500, "server_error", "internal_error", null, "Internal error; the request was not processed.");
    }

    /** The response any of our exceptions maps to; used where headers were already sent (streams). */
    public Response toResponse(Throwable e) {
        if (e instanceof ApiException a) {
            return api(a);
        }
        if (e instanceof GenerationException g) {
            return generation(g);
        }
        if (e instanceof RailFailure r) {
            return railFailure(r);
        }
        if (e instanceof PolicyFailure p) {
            return policyFailure(p);
        }
        return unexpected(e);
    }

    static Response error(int status, String type, String code, String param, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(type, code, param, message)).build();
    }

    static ObjectNode body(String type, String code, String param, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode err = root.putObject("error");
        err.put("message", message);
        err.put("type", type);
        err.put("param", param);
        err.put("code", code);
        return root;
    }
}
