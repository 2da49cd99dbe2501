package dev.parapet.policy;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * A compiled, immutable policy set: the rule base plus what it was built from. Sessions are made from
 * it per decision; the set itself is shared by every thread.
 *
 * @param hash hex SHA-256 over the rule files' names and bytes, shortened to 12 characters
 * @param files rule files (DRL, CSV, XLSX) relative to the policies folder, sorted
 * @param rules every rule name in the set, sorted
 */
public record PolicySet(KieBase kieBase, String hash, Instant loadedAt, List<String> files, List<String> rules) {

    public PolicySet {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
    }

    /** The version every decision carries: content hash and load time, e.g. {@code 3f2a9c1b7e4d@2026-11-27T10:05:00Z}. */
    public String version() {
        return hash + "@" + loadedAt;
    }
}
