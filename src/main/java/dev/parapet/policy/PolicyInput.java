package dev.parapet.policy;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Stage;
import dev.parapet.rails.Words;
import dev.parapet.security.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a policy may look at for one stage: the findings of the rails, who is asking, and plain
 * statistics of the text (never the text itself, so policies cannot leak it).
 *
 * @param askable the rails of this stage that run only when a rule asks for them ({@code when: asked} in
 *                the configuration)
 */
public record PolicyInput(Stage stage, List<Finding> findings, RequestContext context, TextStats stats,
                          List<String> askable) {

    /** Plain facts about the checked text. {@code language} is an ISO 639-3 code or "und" when unknown. */
    public record TextStats(int characters, int words, int turns, String language) {
        public static TextStats of(String text, int turns) {
            return new TextStats(text.length(), Words.count(text), turns, "und");
        }
    }

    public PolicyInput {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(stats, "stats");
        findings = List.copyOf(findings);
        askable = askable == null ? List.of() : List.copyOf(askable);
    }

    /** A decision with no rail held back to be asked. */
    public PolicyInput(Stage stage, List<Finding> findings, RequestContext context, TextStats stats) {
        this(stage, findings, context, stats, List.of());
    }

    /**
     * The same request with the asked rails' findings added. What can be asked stays as it was, so the
     * rule that asked fires again and the final decision's fired rules show that an opinion was sought
     * (a guard model that answers "safe" leaves no finding). Only one round of asking is made.
     */
    public PolicyInput withAnswers(List<Finding> answers) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(answers);
        return new PolicyInput(stage, all, context, stats, askable);
    }
}
