package dev.parapet.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the rule files of a policies folder (DRL, CSV and XLSX decision tables) into a
 * {@link PolicySet}, or reports every error with file and line. Compiling takes seconds; it happens
 * at start-up, on reload and on validation, never per request.
 *
 * <p>Why the low-level KnowledgeBuilder and not a KieContainer: a container registers a module in
 * the process-wide KieRepository on every build, which a service that reloads all day would leak;
 * the builder gives the same rule base and keeps errors tied to the resource they came from.
 */
public final class PolicyCompiler {

    private final Clock clock;

    public PolicyCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Whether the file is a rule file this compiler loads. Scenarios and READMEs are not. */
    public static boolean isRuleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    /** Reads the rule files directly inside {@code dir} (not tests/), by name. */
    public static Map<String, byte[]> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolicyRejected("policies folder not found",
                    List.of(new PolicyError(dir.toString(), 0, "not a folder (set parapet.policies.dir; working directory is "
                            + Path.of("").toAbsolutePath() + ")")));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && isRuleFile(name) && !name.startsWith(".") && !name.startsWith("~$")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Hex SHA-256 over names and contents, in name order; the first 12 characters identify a version. */
    public static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles every file into one rule base; throws {@link PolicyRejected} listing all errors. */
    public PolicySet compile(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new PolicyRejected("no policy", List.of(new PolicyError("", 0, "the policies folder holds no .drl, .csv or .xlsx file")));
        }
        KnowledgeBuilder builder = build(files);
        List<PolicyError> errors = errors(builder);
        if (!errors.isEmpty()) {
            throw new PolicyRejected("policy does not compile", errors);
        }
        ClassLoader loader = PolicyCompiler.class.getClassLoader();
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader));
        base.addPackages(builder.getKnowledgePackages());
        if (base.getGlobals().get(DroolsPolicyEngine.OUTCOME) == null) {
            throw new PolicyRejected("policy does not compile", List.of(new PolicyError("", 0,
                    "no file declares 'global dev.parapet.policy.Outcome outcome;', so no rule can act")));
        }
        SortedMap<String, String> rules = new TreeMap<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                Resource source = r instanceof RuleImpl impl ? impl.getResource() : null;
                rules.put(r.getName(), source == null || source.getSourcePath() == null ? "" : source.getSourcePath());
            }
        }
        return new PolicySet(base, hash(files), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                List.copyOf(files.keySet()), rules);
    }

    /** Checks one file on its own, loading nothing; an empty list means it compiles. */
    public List<PolicyError> validate(String name, byte[] content) {
        if (!isRuleFile(name)) {
            return List.of(new PolicyError(name, 0, "unknown kind of file: name it .drl, .csv or .xlsx"));
        }
        try {
            return errors(build(Map.of(name, content)));
        } catch (PolicyRejected e) {
            return e.errors();
        }
    }

    private static KnowledgeBuilder build(Map<String, byte[]> files) {
        ClassLoader loader = PolicyCompiler.class.getClassLoader();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(loader));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name = e.getKey();
            Resource resource = ResourceFactory.newByteArrayResource(e.getValue());
            resource.setSourcePath(name);
            String lower = name.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith(".drl")) {
                    builder.add(resource, ResourceType.DRL);
                } else {
                    DecisionTableConfiguration table = KnowledgeBuilderFactory.newDecisionTableConfiguration();
                    table.setInputType(lower.endsWith(".csv") ? DecisionTableInputType.CSV : DecisionTableInputType.XLS);
                    builder.add(resource, ResourceType.DTABLE, table);
                }
            } catch (RuntimeException ex) {
                // The decision-table parser throws instead of reporting; keep the file name with it.
                throw new PolicyRejected("policy does not compile", List.of(new PolicyError(name, 0, rootMessage(ex))));
            }
        }
        return builder;
    }

    private static List<PolicyError> errors(KnowledgeBuilder builder) {
        List<PolicyError> errors = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getErrors()) {
            String file = r.getResource() == null || r.getResource().getSourcePath() == null ? "" : r.getResource().getSourcePath();
            int[] lines = r.getLines();
            int line = lines != null && lines.length > 0 ? lines[0] : 0;
            errors.add(new PolicyError(file, Math.max(line, 0), r.getMessage()));
        }
        return errors;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
