package dev.parapet.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules of one decision said, collected in firing order. Rules reach it through the global
 * {@code outcome}: {@code outcome.block($f, "message")}, {@code outcome.mask($f)},
 * {@code outcome.notice("text")}, {@code outcome.escalate($f, "reason")}, {@code outcome.allow()}; and
 * {@code outcome.ask("guard-model")} for a second opinion.
 *
 * <p>Why rules do not pass their own name: the engine tells the outcome which rule is firing just
 * before its consequence runs ({@link #firing(String)}), so authors cannot misname a rule and every
 * action carries the exact name the audit trail shows. One outcome serves one decision on one thread.
 */
public final class Outcome {

    /**
     * One thing one rule did.
     *
     * @param finding the finding it acted on; null for an action about the whole text
     * @param refuse for ESCALATE: whether the user is refused while a person reviews
     */
    public record Acted(Action action, String rule, FindingFact finding, String message, boolean refuse) {}

    private final List<String> fired = new ArrayList<>();
    private final List<Acted> acted = new ArrayList<>();
    private final Set<String> asked = new LinkedHashSet<>();
    private String rule = "";

    /** Called by the engine before a rule's consequence runs. */
    void firing(String ruleName) {
        rule = ruleName;
        fired.add(ruleName);
    }

    /** Records that the text may pass as it is (useful to show which rule cleared it). */
    public void allow() {
        acted.add(new Acted(Action.ALLOW, rule, null, "", false));
    }

    /** Refuses, showing the user {@code message}, because of {@code finding}. */
    public void block(FindingFact finding, String message) {
        acted.add(new Acted(Action.BLOCK, rule, finding, message, true));
    }

    /** Refuses because of the text as a whole (its length, its context). */
    public void block(String message) {
        acted.add(new Acted(Action.BLOCK, rule, null, message, true));
    }

    /** Replaces the finding's spans by their labels ({@code [EMAIL]}) and lets the text pass. */
    public void mask(FindingFact finding) {
        acted.add(new Acted(Action.MASK, rule, finding, "", false));
    }

    /** Adds {@code text} for the user; the text passes. */
    public void notice(String text) {
        acted.add(new Acted(Action.NOTICE, rule, null, text, false));
    }

    /** Adds {@code text} for the user because of {@code finding}; the text passes. */
    public void notice(FindingFact finding, String text) {
        acted.add(new Acted(Action.NOTICE, rule, finding, text, false));
    }

    /** Flags for human review and lets the text pass; {@code reason} goes to the reviewer, not the user. */
    public void escalate(FindingFact finding, String reason) {
        acted.add(new Acted(Action.ESCALATE, rule, finding, reason, false));
    }

    /** Flags for human review and refuses meanwhile, showing the user {@code message}. */
    public void escalateAndRefuse(FindingFact finding, String message) {
        acted.add(new Acted(Action.ESCALATE, rule, finding, message, true));
    }

    /**
     * Asks the rail {@code railId} for its opinion: a rail the configuration holds back ({@code when:
     * asked}) runs once the rules have fired, and the stage is decided again with its findings. Not an
     * action on the text: a decision that asks still allows or refuses by what the other rules did, and a
     * refusal is not held up for an opinion that could not lift it. Guard the rule with
     * {@code RequestFact(canAsk("..."))}.
     */
    public void ask(String railId) {
        asked.add(railId);
    }

    /** The rails asked for, in the order first asked. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    public List<String> fired() {
        return List.copyOf(fired);
    }

    public List<Acted> acted() {
        return List.copyOf(acted);
    }
}
