package dev.parapet.policy;

import java.io.ByteArrayInputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
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

    private static final Pattern ROW = Pattern.compile("^// rule values at [A-Z]+(\\d+)");

    /** Sessions a pool starts with; it grows when more decisions run at once. */
    private static final int SESSIONS = 4;

    private final Clock clock;

    static {
        // Apache POI (reading XLSX tables) logs through the Log4j API, which has no provider here and
        // prints an error about that to every author's console. Its simple logger is enough for POI.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

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
        List<PolicyError> errors = errors(builder, files);
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
        return new PolicySet(base, base.newKieSessionsPool(SESSIONS), hash(files), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                List.copyOf(files.keySet()), rules);
    }

    /** Checks one file on its own, loading nothing; an empty list means it compiles. */
    public List<PolicyError> validate(String name, byte[] content) {
        if (!isRuleFile(name)) {
            return List.of(new PolicyError(name, 0, "unknown kind of file: name it .drl, .csv or .xlsx"));
        }
        try {
            return errors(build(Map.of(name, content)), Map.of(name, content));
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
            byte[] drl = isTable(name) ? tableToDrl(name, e.getValue()).getBytes(StandardCharsets.UTF_8) : e.getValue();
            Resource resource = ResourceFactory.newByteArrayResource(drl);
            resource.setSourcePath(name);
            builder.add(resource, ResourceType.DRL);
        }
        return builder;
    }

    private static boolean isTable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /**
     * Turns a decision table into DRL ourselves rather than handing Drools the table. Why: Drools 10.2
     * kept serving an earlier compilation of a decision table with the same name inside one JVM, so a
     * hot reload of an edited table changed nothing; compiling the generated DRL does not have that
     * problem, and lets us report errors by spreadsheet row (see {@link #tableRow}).
     */
    static String tableToDrl(String name, byte[] content) {
        InputType type = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? InputType.CSV : InputType.XLS;
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
        } catch (RuntimeException ex) {
            throw new PolicyRejected("policy does not compile", List.of(new PolicyError(name, 0, rootMessage(ex))));
        }
    }

    private static List<PolicyError> errors(KnowledgeBuilder builder, Map<String, byte[]> files) {
        List<PolicyError> errors = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getErrors()) {
            String file = r.getResource() == null || r.getResource().getSourcePath() == null ? "" : r.getResource().getSourcePath();
            int[] lines = r.getLines();
            int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
            String message = r.getMessage();
            if (isTable(file) && files.containsKey(file) && line > 0) {
                // The line is one of the generated DRL; authors know the row of their table.
                line = tableRow(tableToDrl(file, files.get(file)), line);
                message = "in the rule of row " + line + ": " + message;
            }
            errors.add(new PolicyError(file, line, message));
        }
        return errors;
    }

    /** The spreadsheet row a line of generated DRL comes from ("// rule values at A12" above it), or 0. */
    static int tableRow(String drl, int drlLine) {
        List<String> lines = drl.lines().toList();
        for (int i = Math.min(drlLine, lines.size()) - 1; i >= 0; i--) {
            Matcher m = ROW.matcher(lines.get(i));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
