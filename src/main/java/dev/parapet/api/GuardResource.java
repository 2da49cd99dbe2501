package dev.parapet.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.chat.GuardCheck;
import dev.parapet.policy.Decision;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /v1/guard}: check without generating. Body: {@code messages} (input stage), or {@code text}
 * with {@code stage}; optional {@code config}. Answers with the decision, every finding, the rules that
 * fired and, for messages, the prompt that would go to the model.
 */
@Path("/v1/guard")
public class GuardResource {

    private final GuardCheck guard;
    private final ApiConfig api;

    public GuardResource(GuardCheck guard, ApiConfig api) {
        this.guard = guard;
        this.api = api;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode check(String body, @HeaderParam(ChatCompletionsResource.CONFIG_HEADER) String configHeader) {
        JsonBody json = JsonBody.parse(body, api.maxBodyBytes());
        String config = json.string("config");
        // A dry run may name the tenant whose policy to try ("tenant"); it changes no state.
        RequestContext context = new RequestContext("guard-" + UUID.randomUUID(), null, json.string("tenant"), Set.of(),
                config != null ? config : configHeader);
        boolean hasMessages = json.has("messages");
        boolean hasText = json.has("text");
        if (hasMessages == hasText) {
            throw ApiException.invalid(hasMessages ? "text" : "messages", "invalid_value",
                    "Send either 'messages' or 'text' (with 'stage'), not " + (hasMessages ? "both." : "neither."));
        }
        GuardCheck.Result result;
        if (hasMessages) {
            if (json.has("stage") && !"input".equals(json.string("stage"))) {
                throw ApiException.invalid("stage", "invalid_value", "'messages' are checked at the input stage; send 'text' to check a reply.");
            }
            result = guard.messages(MessagesParser.parse(json), context);
        } else {
            String text = json.string("text");
            String stageName = json.string("stage");
            Stage stage;
            try {
                stage = stageName == null ? Stage.INPUT : Stage.fromWire(stageName);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("stage", "invalid_value", e.getMessage() + ".");
            }
            result = guard.text(text, stage, context);
        }
        Decision decision = result.result().decision();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("decision", decision.action().wireName());
        out.put("refused", decision.refused());
        out.put("stage", result.stage().wireName());
        out.put("config", result.configName());
        if (decision.refused()) {
            out.put("message", decision.message());
        }
        out.set("interventions", GuardrailsJson.interventions(decision.interventions()));
        out.set("findings", GuardrailsJson.findings(result.result()));
        ArrayNode fired = out.putArray("fired_rules");
        decision.firedRules().forEach(fired::add);
        ArrayNode consulted = out.putArray("consulted");
        result.result().consulted().forEach(consulted::add);
        ArrayNode notices = out.putArray("notices");
        decision.notices().forEach(notices::add);
        out.put("policy_version", decision.policyVersion());
        if (result.stage() == Stage.INPUT) {
            out.put("rendered_prompt", result.renderedPrompt());
        }
        return out;
    }
}
