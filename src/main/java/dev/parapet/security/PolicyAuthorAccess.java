package dev.parapet.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read and change policies: callers with the role {@code policy-author} or {@code admin}.
 *
 * <p>STAND-IN: until API keys land, the roles are whatever the caller sends in the header
 * {@value #ROLES_HEADER} (comma-separated). That proves the role checks and the 403s, not identity:
 * do not expose the admin API beyond a trusted network until API keys replace this class. It is the
 * only place that reads the header, so the replacement touches nothing else.
 */
@ApplicationScoped
public class PolicyAuthorAccess {

    public static final String ROLES_HEADER = "X-Parapet-Roles";
    public static final Set<String> ROLES = Set.of("policy-author", "admin");

    /** The roles a request claims, from the stand-in header; empty when absent. */
    public Set<String> roles(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a request with this header may use the policy admin API. */
    public boolean allows(String header) {
        return roles(header).stream().anyMatch(ROLES::contains);
    }
}
