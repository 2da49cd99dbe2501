package dev.parapet.classify.eval;

import dev.parapet.cli.CliCommand;
import dev.parapet.rails.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code accept}: judges a running service on a sealed evaluation set, through {@code POST /v1/guard}.
 *
 * <pre>
 * java -jar target/quarkus-app/quarkus-run.jar accept --url http://127.0.0.1:8080 --data /path/to/sealed
 * </pre>
 *
 * The set is JSONL in the QUALITY.md format, one folder per group as in {@code ../shared/data}
 * ({@code acceptable_use/}, {@code benign/}, {@code jailbreak/} ...); every row counts, whatever its split.
 * The report has the same numbers and QUALITY.md targets as {@code eval}'s, plus what makes a result
 * traceable without showing the set: a SHA-256 of its files, the policy version that answered and the
 * configuration the service used. No text of any row is printed or written, so whoever runs it can hand the
 * report to the people working on the code.
 *
 * <p>Exit codes: 0 every target the set measures is met; 3 the run completed and a target is not met;
 * 1 the run could not be completed or trusted (the service failed, or its policy changed during the run);
 * 2 bad arguments or unreadable data.
 */
@ApplicationScoped
public class AcceptCommand implements CliCommand {

    static final int TARGETS_NOT_MET = 3;

    @Override
    public String name() {
        return "accept";
    }

    @Override
    public String summary() {
        return "judge a running service on a sealed set through POST /v1/guard: accept --url URL --data DIR"
                + " [--config NAME] [--tenant ID] [--stage input|output] [--split any|NAME] [--reports DIR] [--timeout-seconds N]";
    }

    @Override
    public int run(List<String> args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                return usage("bad argument '" + a + "'");
            }
            options.put(a, args.get(++i));
        }
        Set<String> known = Set.of("--url", "--data", "--config", "--tenant", "--stage", "--split", "--reports", "--timeout-seconds");
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                return usage("unknown option '" + key + "'");
            }
        }
        if (!options.containsKey("--url") || !options.containsKey("--data")) {
            return usage("--url and --data are required");
        }
        URI url;
        Stage stage;
        Duration timeout;
        try {
            url = URI.create(options.get("--url"));
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                return usage("--url must be an http or https address, not '" + options.get("--url") + "'");
            }
            stage = Stage.valueOf(options.getOrDefault("--stage", "input").toUpperCase(Locale.ROOT));
            timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout-seconds", "30")));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String config = options.getOrDefault("--config", "default");
        String split = options.getOrDefault("--split", "any");
        Path data = Path.of(options.get("--data"));
        Path reports = Path.of(options.getOrDefault("--reports", "acceptance"));

        Dataset rows;
        Map<String, String> digests;
        try {
            rows = Dataset.read(data, null);
            rows = split.equals("any") ? rows : rows.split(split);
            digests = fileDigests(data);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("cannot read the set: " + e.getMessage());
            return 2;
        }
        if (rows.rows().isEmpty()) {
            System.err.println("no labelled rows under " + data.toAbsolutePath() + (split.equals("any") ? "" : " in split '" + split + "'"));
            return 2;
        }

        RemoteGuard remote = new RemoteGuard(url, config, options.get("--tenant"), stage, timeout);
        Evaluation.Result result;
        try {
            // One text first, so a wrong address or configuration is reported before the warm-up starts.
            remote.decision("Hello.");
            result = Evaluation.run("service " + url + ", config " + config, rows, progress(remote, rows.rows().size()),
                    Evaluation::isBenignPrompt);
        } catch (RemoteGuard.Failure e) {
            System.err.println("acceptance run stopped: " + e.getMessage());
            return 1;
        }
        System.out.print(EvalReport.console(result));

        Set<String> versions = remote.policyVersions();
        List<String> notes = new ArrayList<>();
        if (versions.size() > 1) {
            notes.add("**The policy changed during the run** (versions " + String.join(", ", versions)
                    + "): these numbers mix policies and decide nothing. Run again while no policy is being edited.");
        }
        digests.forEach((file, digest) -> notes.add("`" + file + "`: SHA-256 " + digest));
        String title = "Acceptance of configuration `" + config + "` on a sealed set"
                + (stage == Stage.INPUT ? "" : ", texts checked as model replies");
        String invoked = "java -jar target/quarkus-app/quarkus-run.jar accept " + String.join(" ", args);
        List<String> about = List.of(
                "Set: `" + data + "`, " + rows.rows().size() + " rows" + (split.equals("any") ? "" : " of split `" + split + "`")
                        + " in " + digests.size() + " files; SHA-256 of the set (file names and bytes) " + setDigest(digests)
                        + ", per file under Notes. No text of any row is in this report.",
                "Service: `POST " + remote.endpoint() + "`, configuration `" + String.join("`, `", remote.configs()) + "`"
                        + (options.containsKey("--tenant") ? ", tenant `" + options.get("--tenant") + "`" : ", default tenant")
                        + ", policy version " + String.join(", ", versions) + ".",
                "Intervenes: the service's decision for the " + stage.name().toLowerCase(Locale.ROOT) + " stage is not `allow`.",
                "Benign prompts (the false-intervention target): negatives in the set's `benign/` folder and rows labelled `benign`.",
                "Latency: per item as the client saw it, HTTP round trip included, one request at a time, after a warm-up.");
        Path file = EvalReport.write(reports, "acceptance-" + config + (stage == Stage.INPUT ? "" : "-output") + ".md",
                result, title, invoked, about, notes);
        System.out.println("  wrote " + file);
        if (versions.size() > 1) {
            System.err.println("the policy changed during the run (" + String.join(", ", versions) + "); the result decides nothing");
            return 1;
        }
        return EvalReport.allTargetsMet(result) ? 0 : TARGETS_NOT_MET;
    }

    /** Prints how far the run has come about every 30 seconds, on the error stream so reports stay clean. */
    private static Evaluation.Guard progress(RemoteGuard remote, int rows) {
        int total = rows + Evaluation.warmupRows(rows);
        long started = System.nanoTime();
        long[] lastPrinted = {started};
        int[] done = {0};
        return text -> {
            boolean flagged = remote.intervenes(text);
            done[0]++;
            long now = System.nanoTime();
            if (now - lastPrinted[0] > 30_000_000_000L && done[0] < total) {
                lastPrinted[0] = now;
                long left = (now - started) / done[0] * (total - done[0]) / 1_000_000_000L;
                System.err.printf(Locale.ROOT, "  %d of %d requests (warm-up included), about %d s left%n", done[0], total, left);
            }
            return flagged;
        };
    }

    /** SHA-256 of each JSONL file under {@code data}, by path relative to it, in name order. */
    static Map<String, String> fileDigests(Path data) {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                digests.put(data.relativize(file).toString().replace('\\', '/'), hex(sha256().digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + data, e);
        }
        return digests;
    }

    /** One digest for the whole set: over each file's name and digest, in name order. */
    static String setDigest(Map<String, String> fileDigests) {
        MessageDigest sha = sha256();
        fileDigests.forEach((file, digest) -> sha.update((file + "\n" + digest + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return hex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private int usage(String problem) {
        System.err.println(problem + ". " + summary());
        return 2;
    }
}
