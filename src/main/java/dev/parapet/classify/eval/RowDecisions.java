package dev.parapet.classify.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a configuration decided about each text of one evaluation run, read back over the labelled rows:
 *
 * <ul>
 *   <li>with {@code --no-asking}, second opinions: whether the first decision asked a held-back rail (the
 *       guard model) for an opinion that was not run. It says how often the judge would be called on benign
 *       prompts and how many of the positives the cheaper tiers let through would reach it; a judge cannot
 *       run here, so what it would answer is not guessed;</li>
 *   <li>with {@code --show-errors N}, the errors themselves: up to N missed positives and N benign texts
 *       intervened on per file, with the rules that acted, printed for whoever tunes a policy on their own
 *       data and never written to a report (reports carry no row text).</li>
 * </ul>
 */
final class RowDecisions {

    private static final int SHOWN_CHARACTERS = 160;

    private record Seen(boolean intervened, boolean asked, List<String> rules) {}

    private final Map<String, Seen> seen = new HashMap<>();

    /** Records one decision; the warm-up checks the same texts again and decides them the same way. */
    void record(String text, boolean intervened, boolean asked, List<String> rules) {
        seen.put(text, new Seen(intervened, asked, List.copyOf(rules)));
    }

    /**
     * Per file, up to {@code limit} positives the guard let through and {@code limit} negatives it intervened
     * on (with the rules that acted), texts cut at {@value #SHOWN_CHARACTERS} characters on one line.
     */
    List<String> errors(Dataset rows, int limit) {
        Map<String, List<String>> missed = new TreeMap<>();
        Map<String, List<String>> flagged = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>(); // missed, positives, flagged, negatives
        for (LabelledRow row : rows.rows()) {
            Seen s = seen.get(row.text());
            if (s == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(row.file(), f -> new int[4]);
            if (row.positive()) {
                c[1]++;
                if (!s.intervened()) {
                    c[0]++;
                    List<String> list = missed.computeIfAbsent(row.file(), f -> new ArrayList<>());
                    if (list.size() < limit) {
                        list.add(shown(row.text()) + (row.categories().isEmpty() ? "" : "  " + row.categories()));
                    }
                }
            } else {
                c[3]++;
                if (s.intervened()) {
                    c[2]++;
                    List<String> list = flagged.computeIfAbsent(row.file(), f -> new ArrayList<>());
                    if (list.size() < limit) {
                        list.add(shown(row.text()) + "  <- " + String.join("; ", s.rules()));
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((file, c) -> {
            if (c[0] > 0) {
                lines.add(String.format(Locale.ROOT, "%s: missed %d of %d positives", file, c[0], c[1]));
                missed.get(file).forEach(t -> lines.add("  - " + t));
            }
            if (c[2] > 0) {
                lines.add(String.format(Locale.ROOT, "%s: intervened on %d of %d negatives", file, c[2], c[3]));
                flagged.get(file).forEach(t -> lines.add("  - " + t));
            }
        });
        return lines;
    }

    private static String shown(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= SHOWN_CHARACTERS ? line : line.substring(0, SHOWN_CHARACTERS) + "...";
    }

    boolean anyAsked() {
        return seen.values().stream().anyMatch(Seen::asked);
    }

    private static String byFile(Map<String, int[]> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((file, c) -> parts.add(String.format(Locale.ROOT, "%s%s %d/%d", file,
                file.startsWith("ours/") ? " (ours)" : "", c[0], c[1])));
        return String.join(", ", parts);
    }

    /** Report lines: per group, positives missed and asked, flagged and asked; benign prompts asked; the ceiling. */
    List<String> notes(Dataset rows, List<String> askable) {
        Map<String, int[]> byGroup = new TreeMap<>(); // missed, missed and asked, flagged and asked
        int benign = 0;
        int benignAsked = 0;
        Map<String, int[]> benignByFile = new TreeMap<>(); // asked, of
        int aupPositives = 0;
        int aupReachable = 0;
        for (LabelledRow row : rows.rows()) {
            Seen s = seen.get(row.text());
            if (s == null) {
                continue;
            }
            if (row.positive()) {
                int[] c = byGroup.computeIfAbsent(row.group(), g -> new int[3]);
                if (!s.intervened()) {
                    c[0]++;
                    if (s.asked()) c[1]++;
                } else if (s.asked()) {
                    c[2]++;
                }
                if (row.group().equals("acceptable_use")) {
                    aupPositives++;
                    if (s.intervened() || s.asked()) aupReachable++;
                }
            } else if (Evaluation.isBenignPrompt(row)) {
                benign++;
                int[] f = benignByFile.computeIfAbsent(row.file(), k -> new int[2]);
                f[1]++;
                if (s.asked()) {
                    benignAsked++;
                    f[0]++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("Second opinions were not asked (`--no-asking`): the rails this configuration holds back for the policy "
                + "to ask (" + String.join(", ", askable) + ") did not run, and every row was decided on the other rails' "
                + "findings, so the numbers above are this configuration without its judge.");
        notes.add(String.format(Locale.ROOT, "The policy asked for a second opinion on %d of %d benign prompts (%.1f%%): "
                + "the share that would pay for a judge call. By file: %s.", benignAsked, benign,
                100.0 * benignAsked / Math.max(1, benign), byFile(benignByFile)));
        boolean mixed = benignByFile.keySet().stream().anyMatch(f -> f.startsWith("ours/"))
                && benignByFile.keySet().stream().anyMatch(f -> !f.startsWith("ours/"));
        if (mixed) {
            notes.add("Our look-alikes (ours/) are written to sound dangerous, so they are asked about far more often "
                    + "than the public files of everyday work.");
        }
        byGroup.forEach((group, c) -> notes.add(String.format(Locale.ROOT,
                "%s: asked on %d of the %d positives the cheaper tiers let through, and on %d they already intervene on "
                        + "without refusing (escalations, masks).", group, c[1], c[0], c[2])));
        if (aupPositives > 0) {
            notes.add(String.format(Locale.ROOT, "Were the judge to find every asked harmful request unsafe, acceptable-use "
                    + "recall would be at most %.3f (%d/%d); what it adds in fact, and what it refuses among the asked benign "
                    + "prompts, needs the judge (`eval --config judge` against a running Triton).",
                    (double) aupReachable / aupPositives, aupReachable, aupPositives));
        }
        return notes;
    }
}
