package dev.parapet.classify.eval;

import java.util.List;
import java.util.Map;

/** Which labelled rows each lexical rail is evaluated on: the files of its own group and the benign prompts. */
final class RailRows {

    private static final Map<String, String> GROUP = Map.of(
            "toxicity", "toxicity", "bias", "bias", "acceptable-use", "acceptable_use", "jailbreak", "jailbreak");

    private RailRows() {}

    static boolean evaluates(String railId, LabelledRow row) {
        String group = GROUP.get(railId);
        if (group == null) {
            throw new IllegalArgumentException("no evaluation files known for rail '" + railId + "'");
        }
        return row.group().equals(group) || row.group().equals("benign");
    }

    static List<String> notes(String railId) {
        return List.of("The rail's own files and the benign prompts; other rails' positives are not in this report.",
                "Operating point of the trained model: see `classifiers/manifest.json` (chosen on dev).");
    }
}
