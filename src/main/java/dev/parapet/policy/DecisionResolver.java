package dev.parapet.policy;

import dev.parapet.rails.Span;
import dev.parapet.rails.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns what the rules said into one {@link Decision}, the same way every time.
 *
 * <p>Precedence: the strongest action wins, in {@link Action}'s order (block over escalate over mask
 * over notice over allow). When several rules refuse, the user sees the message of the one whose
 * finding scored highest; ties go to the rule name that sorts first, so the answer never depends on
 * the order in which the engine happened to fire rules (a refusal about the whole text, with no
 * finding, counts as score 1). Masks and notices still apply under an
 * ESCALATE that lets the text pass; a refusal shows nothing but its message.
 */
final class DecisionResolver {

    private static final String UNNAMED = "unsafe";
    // A message that names what was wrong ("weapons") tells the user more than the catch-all "unsafe",
    // so a finding of a named category wins over an unnamed one before scores are compared.
    private static final Comparator<Outcome.Acted> WINNER = Comparator
            .comparing((Outcome.Acted a) -> a.finding() != null && UNNAMED.equals(a.finding().getCategory()))
            .thenComparing(Comparator.comparingDouble((Outcome.Acted a) -> a.finding() == null ? 1.0 : a.finding().getScore()).reversed())
            .thenComparing(Outcome.Acted::rule);


    private DecisionResolver() {}

    static Decision resolve(Stage stage, Outcome outcome, String policyVersion) {
        List<Outcome.Acted> acted = outcome.acted();
        Action action = Action.ALLOW;
        for (Outcome.Acted a : acted) {
            action = action.max(a.action());
        }
        Action refusing = finalRefusingAction(acted);
        Outcome.Acted refusal = acted.stream()
                .filter(a -> a.refuse() && a.action() == refusing)
                .min(WINNER).orElse(null);
        boolean refused = action == Action.BLOCK || (action == Action.ESCALATE && refusal != null);
        String message = refused && refusal != null ? refusal.message() : "";
        List<Span> masks = new ArrayList<>();
        LinkedHashSet<String> notices = new LinkedHashSet<>();
        List<Intervention> interventions = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (Outcome.Acted a : acted) {
            if (a.action() == Action.MASK && a.finding() != null) {
                masks.addAll(a.finding().getSpans());
            }
            if (a.action() == Action.NOTICE && !a.message().isBlank()) {
                notices.add(a.message());
            }
            if (a.action() != Action.ALLOW) {
                Intervention i = intervention(stage, a);
                if (seen.add(i.toString())) {
                    interventions.add(i);
                }
            }
        }
        if (refused) {
            masks.clear();
            notices.clear();
        }
        return new Decision(stage, action, refused, message, masks, List.copyOf(notices),
                dedupe(outcome.fired()), interventions, policyVersion, null, outcome.asked());
    }

    // BLOCK refusals win over ESCALATE refusals when both exist.
    private static Action finalRefusingAction(List<Outcome.Acted> acted) {
        return acted.stream().anyMatch(a -> a.action() == Action.BLOCK) ? Action.BLOCK : Action.ESCALATE;
    }

    private static Intervention intervention(Stage stage, Outcome.Acted a) {
        if (a.finding() == null) {
            return new Intervention(stage, "policy", "request", 1.0, a.action(), a.rule());
        }
        FindingFact f = a.finding();
        return new Intervention(stage, f.getRail(), f.getCategory(), f.getScore(), a.action(), a.rule());
    }

    // A rule fires once per match; the list names each rule once, in first-firing order.
    private static List<String> dedupe(List<String> fired) {
        return List.copyOf(new LinkedHashSet<>(fired));
    }
}
