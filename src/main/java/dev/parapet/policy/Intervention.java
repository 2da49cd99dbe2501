package dev.parapet.policy;

import dev.parapet.rails.Stage;

/**
 * One finding that a rule acted on: the unit the audit trail records and the response reports.
 *
 * @param rule the name of the rule that acted, written as a sentence an auditor understands
 */
public record Intervention(Stage stage, String rail, String category, double score, Action action, String rule) {}
