package dev.parapet.classify.eval;

import dev.parapet.classify.AcceptableUseRail;
import dev.parapet.classify.BiasRail;
import dev.parapet.classify.JailbreakRail;
import dev.parapet.classify.LexicalModels;
import dev.parapet.classify.ToxicityRail;
import dev.parapet.rails.Rail;
import java.nio.file.Path;
import java.util.List;

/**
 * The lexical rails alone, without starting the application: a quick check while editing lexicons.
 * Prints the same summary as {@code eval --rail}, writes no report (the reports come from {@link EvalCommand}).
 *
 * <pre>
 * ./mvnw -B -q compile exec:java -Dexec.mainClass=dev.parapet.classify.eval.EvaluateRails -Dexec.args="../shared/data dev"
 * </pre>
 */
public final class EvaluateRails {

    private EvaluateRails() {}

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        String split = args.length > 1 ? args[1] : "dev";
        LexicalModels models = new LexicalModels(Path.of("classifiers"));
        Dataset rows = Dataset.read(data, models.dir().resolve("ours")).split(split);
        List<Rail<?>> rails = List.of(new ToxicityRail(models), new BiasRail(models), new AcceptableUseRail(models),
                new JailbreakRail(models));
        for (Rail<?> rail : rails) {
            if (args.length > 2 && !args[2].equals(rail.id())) {
                continue;
            }
            Evaluation.Result result = Evaluation.run("rail " + rail.id(), rows.filter(r -> RailRows.evaluates(rail.id(), r)),
                    text -> EvalCommand.railIntervenes(rail, text), Evaluation::isBenignPrompt);
            System.out.print(EvalReport.console(result));
        }
    }
}
