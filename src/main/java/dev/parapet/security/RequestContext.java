package dev.parapet.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, for whom, and under which guard configuration. Built once per request by the API
 * layer and passed unchanged through every stage.
 *
 * <p>Until API keys land every caller is {@link #ANONYMOUS} in the {@link #DEFAULT_TENANT}; the
 * fields are here already so that rails, policies and the audit trail never need a new parameter.
 */
public record RequestContext(String requestId, String caller, String tenant, Set<String> roles, String configName) {

    public static final String ANONYMOUS = "anonymous";
    public static final String DEFAULT_TENANT = "default";

    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        caller = caller == null || caller.isBlank() ? ANONYMOUS : caller;
        tenant = tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        configName = configName == null || configName.isBlank() ? "default" : configName;
    }

    /** A context for offline use (scenario runs, evaluation, benchmarks). */
    public static RequestContext offline(String configName) {
        return new RequestContext("offline", "offline", DEFAULT_TENANT, Set.of(), configName);
    }

    public RequestContext withTenant(String newTenant) {
        return new RequestContext(requestId, caller, newTenant, roles, configName);
    }
}
