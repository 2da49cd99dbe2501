package dev.parapet.classify.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge's answer: safe, or unsafe with the hazard categories it named (possibly none, when the judge
 * said "unsafe" without a valid code).
 */
public record GuardVerdict(boolean safe, List<HazardCategory> categories) {

    private static final Pattern CODE = Pattern.compile("(?i)\\bS(\\d{1,2})\\b");

    public GuardVerdict {
        categories = List.copyOf(categories);
    }

    /**
     * Reads "safe" or "unsafe\nS1,S9". Anything else is refused with IllegalArgumentException: a judge
     * that answers off-format has not judged, and the rail must fail closed rather than guess.
     */
    public static GuardVerdict parse(String answer) {
        if (answer == null) {
            throw new IllegalArgumentException("the judge gave no answer");
        }
        // End-of-turn markers of both templates (Llama Guard's Llama 3, the chat model's PPO-Chat) and the
        // markdown emphasis a chat model asked as a self-check may put around its one word.
        String cleaned = answer.replace("<|eot_id|>", "").replace("<extra_id_1>", "").strip();
        String[] lines = cleaned.split("\\R", 2);
        String first = lines[0].strip().toLowerCase(Locale.ROOT).replaceAll("^[*_`]+|[*_`]+$", "")
                .replaceAll("[.:!]+$", "");
        if (first.equals("safe")) {
            return new GuardVerdict(true, List.of());
        }
        if (!first.startsWith("unsafe")) {
            throw new IllegalArgumentException("the judge's answer does not start with 'safe' or 'unsafe' ("
                    + cleaned.length() + " chars)");
        }
        String rest = first.length() > "unsafe".length() ? first.substring("unsafe".length()) : "";
        if (lines.length > 1) {
            rest = rest + "\n" + lines[1];
        }
        List<HazardCategory> categories = new ArrayList<>();
        Matcher m = CODE.matcher(rest);
        while (m.find()) {
            HazardCategory c = HazardCategory.fromCode("S" + Integer.parseInt(m.group(1)));
            if (c != null && !categories.contains(c)) {
                categories.add(c);
            }
        }
        return new GuardVerdict(false, categories);
    }
}
