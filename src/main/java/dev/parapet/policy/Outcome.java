package dev.parapet.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules of one decision said, collected in firing order. Rules reach it through the global
 * {@code outcome}: {@code outcome.block($f, "message")}, {@code outcome.mask($f)},
 * {@code outcome.notice("text")}, {@code outcome.escalate($f, "reason")}, {@code outcome.allow()}.
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

    public List<String> fired() {
        return List.copyOf(fired);
    }

    public List<Acted> acted() {
        return List.copyOf(acted);
    }
}
