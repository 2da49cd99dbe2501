package dev.parapet.classify.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.chat.GuardCheck;
import dev.parapet.classify.ClassifiersConfig;
import dev.parapet.cli.CliCommand;
import dev.parapet.policy.Action;
import dev.parapet.policy.Decision;
import dev.parapet.rails.RailFailure;
import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code eval}: runs the guard over labelled JSONL files and prints precision, recall, F1, false-positive
 * rate, per-category recall and latency; writes markdown reports to {@code classifiers/reports/}.
 *
 * <pre>
 * java -jar target/quarkus-app/quarkus-run.jar eval --config default --data ../shared/data --split dev
 * java -jar target/quarkus-app/quarkus-run.jar eval --rail toxicity
 * java -jar target/quarkus-app/quarkus-run.jar eval --all          # default configuration and every lexical rail
 * java -jar target/quarkus-app/quarkus-run.jar eval --config default --stage output   # the texts as model replies
 * java -jar target/quarkus-app/quarkus-run.jar eval --config judge --no-asking   # without the guard model: how often it would be asked
 * java -jar target/quarkus-app/quarkus-run.jar eval --config default --data my-data --show-errors 10   # list what it got wrong
 * </pre>
 *
 * A configuration runs the same path as {@code POST /v1/guard} (rails, then policy; intervenes = the
 * decision is not a plain allow) over every file; a rail alone runs with default settings over its own
 * files and the benign prompts (intervenes = a finding other than a cue ({@link Rail#cueCategories()}) scores at least 0.5).
 */
@ApplicationScoped
public class EvalCommand implements CliCommand {

    static final List<String> LEXICAL_RAILS = List.of("toxicity", "bias", "acceptable-use", "jailbreak");

    private final GuardCheck guard;
    private final Instance<Rail<?>> rails;
    private final ClassifiersConfig classifiers;

    public EvalCommand(GuardCheck guard, Instance<Rail<?>> rails, ClassifiersConfig classifiers) {
        this.guard = guard;
        this.rails = rails;
        this.classifiers = classifiers;
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "evaluate a configuration or rail on labelled JSONL: eval [--config NAME | --rail ID | --all] [--data DIR] [--split dev] [--stage input|output] [--no-asking] [--show-errors N]";
    }

    @Override
    public int run(List<String> args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--all") || a.equals("--no-report") || a.equals("--no-asking")) {
                options.put(a, "true");
            } else if (a.startsWith("--") && i + 1 < args.size()) {
                options.put(a, args.get(++i));
            } else {
                System.err.println("bad argument '" + a + "'. " + summary());
                return 2;
            }
        }
        Path data = Path.of(options.getOrDefault("--data", "../shared/data"));
        Path ours = Path.of(options.getOrDefault("--ours", Path.of(classifiers.dir(), "ours").toString()));
        Path reports = Path.of(options.getOrDefault("--reports", Path.of(classifiers.dir(), "reports").toString()));
        String split = options.getOrDefault("--split", "dev");
        boolean write = !options.containsKey("--no-report");
        Stage stage;
        try {
            stage = Stage.valueOf(options.getOrDefault("--stage", "input").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("bad --stage '" + options.get("--stage") + "': input or output");
            return 2;
        }
        Dataset rows = Dataset.read(data, ours).split(split);
        String invoked = "java -jar target/quarkus-app/quarkus-run.jar eval " + String.join(" ", args);

        List<String> configs = new ArrayList<>();
        List<String> railIds = new ArrayList<>();
        if (options.containsKey("--all")) {
            configs.add("default");
            railIds.addAll(LEXICAL_RAILS);
        }
        if (options.containsKey("--config")) {
            configs.add(options.get("--config"));
        }
        if (options.containsKey("--rail")) {
            railIds.add(options.get("--rail"));
        }
        if (configs.isEmpty() && railIds.isEmpty()) {
            configs.add("default");
        }
        for (String railId : railIds) {
            Rail<?> rail = rail(railId);
            Evaluation.Result result = Evaluation.run("rail " + railId, rows.filter(r -> RailRows.evaluates(railId, r)),
                    text -> railIntervenes(rail, text), Evaluation::isBenignPrompt);
            System.out.print(EvalReport.console(result));
            if (write) {
                Path file = EvalReport.write(reports, "rail-" + railId + ".md", result, "Rail `" + railId + "` alone (lexical tier)",
                        invoked, about(data.toString(), split, "the rail reports a finding with score >= 0.5 (default settings)."),
                        RailRows.notes(railId));
                System.out.println("  wrote " + file);
            }
        }
        boolean ask = !options.containsKey("--no-asking");
        int showErrors;
        try {
            showErrors = Integer.parseInt(options.getOrDefault("--show-errors", "0"));
        } catch (NumberFormatException e) {
            System.err.println("bad --show-errors '" + options.get("--show-errors") + "': a number of rows");
            return 2;
        }
        for (String config : configs) {
            RequestContext context = RequestContext.offline(config);
            RowDecisions decided = new RowDecisions();
            List<String> askable = guard.configuration(config).askable(stage);
            Evaluation.Result result;
            try {
                result = Evaluation.run("config " + config, rows, text -> {
                    Decision decision = guard.text(text, stage, context, ask).result().decision();
                    boolean intervenes = decision.action() != Action.ALLOW;
                    decided.record(text, intervenes, !ask && decision.awaitsAnswers(),
                            decision.interventions().stream().map(i -> i.rule()).distinct().toList());
                    return intervenes;
                }, Evaluation::isBenignPrompt);
            } catch (RailFailure e) {
                // A guard model that is not there (no Triton here) fails every row that needs it: say so and stop,
                // rather than report a configuration that could not be run.
                System.err.println("configuration '" + config + "' could not check a row: " + e.getMessage()
                        + (askable.isEmpty() ? "" : ". It asks " + askable + " for second opinions; "
                                + "--no-asking evaluates it without them and counts where they would be asked."));
                return 1;
            }
            System.out.print(EvalReport.console(result));
            List<String> askedNotes = ask ? List.of() : decided.notes(rows, askable);
            askedNotes.forEach(n -> System.out.println("  " + n));
            if (showErrors > 0) {
                System.out.println("  errors, at most " + showErrors + " of each kind per file (printed only, never written to a report):");
                List<String> errors = decided.errors(rows, showErrors);
                (errors.isEmpty() ? List.of("none") : errors).forEach(line -> System.out.println("    " + line));
            }
            if (write) {
                boolean input = stage == Stage.INPUT;
                String name = "config-" + config + (input ? "" : "-output") + (ask ? "" : "-without-asking") + ".md";
                List<String> notes = new ArrayList<>(askedNotes);
                notes.add(input
                        ? "Every text is checked at the input stage; all files are prompts or statements, none are model replies."
                        : "Every text is checked at the output stage, as if the model had written it: the output policy is stricter "
                                + "about toxic and unsafe content, and the 'benign prompts' are not replies, so their rate says how often "
                                + "a reply that reads like an ordinary request would be withheld.");
                Path file = EvalReport.write(reports, name, result,
                        "Configuration `" + config + "` (rails and policy)" + (input ? "" : ", texts checked as model replies")
                                + (ask ? "" : ", without second opinions"),
                        invoked, about(data.toString(), split, "the decision of the " + stage.name().toLowerCase(Locale.ROOT)
                                + " stage is not a plain allow, through the same path as `POST /v1/guard`."), notes);
                System.out.println("  wrote " + file);
            }
        }
        return 0;
    }

    /** The report's opening bullets: where the rows came from, what counts as intervening, how latency was taken. */
    private static List<String> about(String data, String split, String intervenes) {
        // Data outside the project is public data, read at run time; a folder inside it holds our own text.
        boolean external = data.startsWith("..") || data.startsWith("/");
        return List.of(
                "Split: `" + split + "`. " + (external ? "Public data read at run time from `" : "Data from `") + data
                        + (external ? "` (not in the repository)" : "` (our own examples, in the repository)")
                        + "; rows from `ours/` are examples written by the Parapet team (`classifiers/ours/*.jsonl`, marked **ours** below).",
                "Intervenes: " + intervenes,
                "Benign prompts: negatives from the benign files, our benign look-alikes and the InjecGuard "
                        + "NotInject rows (tweets and neutral statements about groups are negatives of their own files only).",
                "Latency: per item, single thread, after a warm-up, on this shared 2-core machine.");
    }

    private Rail<?> rail(String id) {
        for (Rail<?> rail : rails) {
            if (rail.id().equals(id)) {
                return rail;
            }
        }
        throw new IllegalArgumentException("no rail '" + id + "'");
    }

    private static final ObjectMapper SETTINGS = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE).build();

    /** Runs one rail with its default settings (an empty YAML block); intervenes when a finding other than a cue reaches 0.5. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean railIntervenes(Rail rail, String text) {
        Record settings = (Record) SETTINGS.convertValue(Map.of(), rail.settingsType());
        List<Finding> findings = rail.check(new RailInput(Stage.INPUT, text, RequestContext.offline("eval")), settings);
        return findings.stream().anyMatch(f -> f.score() >= 0.5 && !rail.cueCategories().contains(f.category()));
    }
}
