package dev.parapet.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.policy.DroolsPolicyEngine;
import dev.parapet.policy.PolicyError;
import dev.parapet.policy.PolicyReloader;
import dev.parapet.policy.PolicySet;
import dev.parapet.security.PolicyAuthorAccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The policy admin API for roles {@code policy-author} and {@code admin}: what is loaded and why the
 * last change was rejected ({@code GET /admin/policies}), checking a file before committing it
 * ({@code POST /admin/policies/validate}), loading now ({@code /reload}) and serving an earlier
 * version again ({@code /rollback}). Dry runs go through {@code POST /v1/guard}.
 */
@Path("/admin/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyAdminResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PolicyReloader reloader;
    private final DroolsPolicyEngine engine;
    private final PolicyAuthorAccess access;
    private final ApiConfig api;

    public PolicyAdminResource(PolicyReloader reloader, DroolsPolicyEngine engine, PolicyAuthorAccess access, ApiConfig api) {
        this.reloader = reloader;
        this.engine = engine;
        this.access = access;
        this.api = api;
    }

    @GET
    public ObjectNode list(@HeaderParam(PolicyAuthorAccess.ROLES_HEADER) String roles) {
        authorise(roles);
        ObjectNode out = JSON.objectNode();
        out.put("dir", reloader.dir().toAbsolutePath().toString());
        PolicySet serving = engine.serving();
        out.put("policy_version", engine.version());
        if (serving != null) {
            out.set("serving", describe(serving, true));
        } else {
            out.putNull("serving");
        }
        ArrayNode history = out.putArray("history");
        for (PolicySet set : reloader.history()) {
            ObjectNode h = describe(set, false);
            h.put("serving", set == serving);
            history.add(h);
        }
        out.set("last_reload", attempt(reloader.lastAttempt()));
        out.set("last_failed_reload", attempt(reloader.lastFailure()));
        return out;
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode validate(String body, @HeaderParam(PolicyAuthorAccess.ROLES_HEADER) String roles) {
        authorise(roles);
        JsonBody json = JsonBody.parse(body, api.maxBodyBytes());
        String file = json.string("file");
        if (file == null || file.isBlank()) {
            throw ApiException.invalid("file", "missing_field", "Send 'file' (for example \"my-rules.drl\") so the kind of file is known.");
        }
        String content = json.string("content");
        String base64 = json.string("content_base64");
        if ((content == null) == (base64 == null)) {
            throw ApiException.invalid("content", "invalid_value",
                    "Send either 'content' (text: DRL, CSV) or 'content_base64' (XLSX), not " + (content == null ? "neither." : "both."));
        }
        byte[] bytes;
        try {
            bytes = content != null ? content.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("content_base64", "invalid_value", "'content_base64' is not valid base64.");
        }
        List<PolicyError> errors = reloader.compiler().validate(file, bytes);
        ObjectNode out = JSON.objectNode();
        out.put("file", file);
        out.put("valid", errors.isEmpty());
        out.set("errors", errors(errors));
        return out;
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode reload(@HeaderParam(PolicyAuthorAccess.ROLES_HEADER) String roles) {
        authorise(roles);
        PolicyReloader.Attempt attempt = reloader.reload("admin API");
        if (!attempt.succeeded()) {
            throw new ApiException(422, "invalid_request_error", "policy_rejected", null,
                    "The policy change was rejected and " + attempt.version() + " keeps serving: "
                            + attempt.errors().stream().limit(3).map(PolicyError::toString).toList()
                            + " (all errors: GET /admin/policies).");
        }
        return attempt(attempt);
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode rollback(String body, @HeaderParam(PolicyAuthorAccess.ROLES_HEADER) String roles) {
        authorise(roles);
        String version = JsonBody.parse(body, api.maxBodyBytes()).string("version");
        if (version == null || version.isBlank()) {
            throw ApiException.invalid("version", "missing_field", "Send 'version': a version or hash from GET /admin/policies history.");
        }
        PolicySet set = reloader.rollback(version);
        if (set == null) {
            throw new ApiException(404, "invalid_request_error", "unknown_policy_version", "version",
                    "No version '" + version + "' in the history; see GET /admin/policies.");
        }
        ObjectNode out = JSON.objectNode();
        out.put("policy_version", set.version());
        out.put("rules", set.ruleFiles().size());
        return out;
    }

    private void authorise(String roles) {
        if (!access.allows(roles)) {
            throw new ApiException(403, "permission_error", "insufficient_role", null,
                    "The policy admin API needs the role policy-author or admin (send " + PolicyAuthorAccess.ROLES_HEADER
                            + ": policy-author until API keys are in place).");
        }
    }

    private static ObjectNode describe(PolicySet set, boolean withRules) {
        ObjectNode s = JSON.objectNode();
        s.put("version", set.version());
        s.put("hash", set.hash());
        s.put("loaded_at", set.loadedAt().toString());
        s.put("rule_count", set.ruleFiles().size());
        ArrayNode files = s.putArray("files");
        set.files().forEach(files::add);
        if (withRules) {
            ArrayNode rules = s.putArray("rules");
            for (Map.Entry<String, String> r : set.ruleFiles().entrySet()) {
                rules.addObject().put("name", r.getKey()).put("file", r.getValue());
            }
        }
        return s;
    }

    private static ObjectNode attempt(PolicyReloader.Attempt a) {
        if (a == null) {
            return null;
        }
        ObjectNode o = JSON.objectNode();
        o.put("at", a.at().toString());
        o.put("trigger", a.trigger());
        o.put("succeeded", a.succeeded());
        o.put("policy_version", a.version());
        o.set("errors", errors(a.errors()));
        return o;
    }

    private static ArrayNode errors(List<PolicyError> errors) {
        ArrayNode list = JSON.arrayNode();
        for (PolicyError e : errors) {
            list.addObject().put("file", e.file()).put("line", e.line()).put("message", e.message());
        }
        return list;
    }
}
