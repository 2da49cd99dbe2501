package dev.parapet.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, immutable policy set: the rule base plus what it was built from. Sessions are made from
 * it per decision; the set itself is shared by every thread.
 *
 * @param sessions reusable sessions over {@code kieBase}; a disposed session returns to it, reset
 * @param hash hex SHA-256 over the rule files' names and bytes, shortened to 12 characters
 * @param files rule files (DRL, CSV, XLSX) relative to the policies folder, sorted
 * @param ruleFiles every rule name in the set, sorted, with the file it comes from
 */
public record PolicySet(KieBase kieBase, KieSessionsPool sessions, String hash, Instant loadedAt, List<String> files, SortedMap<String, String> ruleFiles) {

    public PolicySet {
        files = List.copyOf(files);
        ruleFiles = Collections.unmodifiableSortedMap(new TreeMap<>(ruleFiles));
    }

    /** Every rule name, sorted. */
    public List<String> rules() {
        return List.copyOf(ruleFiles.keySet());
    }

    /** The version every decision carries: content hash and load time, e.g. {@code 3f2a9c1b7e4d@2026-11-27T10:05:00Z}. */
    public String version() {
        return hash + "@" + loadedAt;
    }
}
