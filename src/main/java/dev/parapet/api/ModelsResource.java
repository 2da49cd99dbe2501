package dev.parapet.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.generation.GenerationConfig;
import dev.parapet.generation.Generator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** {@code GET /v1/models}: the one model this gateway serves, and which backend serves it. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final GenerationConfig config;
    private final Generator generator;
    private final long started = Instant.now().getEpochSecond();

    public ModelsResource(GenerationConfig config, Generator generator) {
        this.config = config;
        this.generator = generator;
    }

    @GET
    public ObjectNode list() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("object", "list");
        root.putArray("data").add(model());
        return root;
    }

    @GET
    @Path("/{id}")
    public ObjectNode get(@PathParam("id") String id) {
        if (!config.modelName().equals(id)) {
            throw new ApiException(404, "invalid_request_error", "model_not_found", "model",
                    "The model '" + id + "' does not exist here; this gateway serves '" + config.modelName() + "'.");
        }
        return model();
    }

    private ObjectNode model() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("id", config.modelName());
        m.put("object", "model");
        m.put("created", started);
        String backend = generator.id();
        m.put("owned_by", "demo".equals(backend) ? "parapet-demo (scripted replies, not a model)" : "parapet-" + backend);
        return m;
    }
}
