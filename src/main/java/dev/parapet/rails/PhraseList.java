package dev.parapet.rails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled phrase list, read from {@code rails/lists/<name>.yaml}:
 *
 * <pre>
 * category: weapons          # the category findings carry
 * score: 0.95                # how sure a match makes us
 * phrases:
 *   - build * bomb           # '*' alone: up to three words in between
 *   - pipe bomb*             # 'word*': any ending (bombs, bombing)
 * </pre>
 *
 * Matching ignores case and compatibility forms (NFKC), and words may be separated by any run of
 * non-word characters, so "Build   a\nBOMB" matches "build * bomb".
 */
public record PhraseList(String name, String category, double score, Pattern pattern, int phraseCount) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static PhraseList load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("phrase list '" + name + "' cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.hasNonNull("category") || !root.path("phrases").isArray()) {
            throw new IllegalArgumentException("phrase list '" + name + "' needs 'category' and a 'phrases' list");
        }
        double score = root.path("score").asDouble(0.9);
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("phrase list '" + name + "': score must lie in [0, 1]");
        }
        List<String> alternatives = new ArrayList<>();
        for (JsonNode phrase : root.get("phrases")) {
            String p = phrase.asText().trim();
            if (!p.isEmpty()) {
                alternatives.add(toRegex(p));
            }
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("phrase list '" + name + "' has no phrases");
        }
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new PhraseList(name, root.get("category").asText(), score, pattern, alternatives.size());
    }

    /** Case- and width-folded form used for matching; same length as the input so spans stay valid. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(c);
                continue;
            }
            String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            out.append(n.length() == 1 ? n.charAt(0) : c);
        }
        return out.toString();
    }

    public List<Span> find(String folded) {
        List<Span> spans = new ArrayList<>();
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end(), category.toUpperCase(Locale.ROOT)));
        }
        return spans;
    }

    private static String toRegex(String phrase) {
        String[] words = phrase.toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder regex = new StringBuilder();
        boolean gap = false;
        for (String word : words) {
            if (word.equals("*")) {
                gap = true;
                continue;
            }
            if (!regex.isEmpty()) {
                regex.append(gap ? "[^\\p{L}\\p{N}]+(?:[\\p{L}\\p{N}'-]+[^\\p{L}\\p{N}]+){0,3}?" : "[^\\p{L}\\p{N}]+");
            }
            gap = false;
            if (word.endsWith("*") && word.length() > 1) {
                regex.append(Pattern.quote(word.substring(0, word.length() - 1))).append("[\\p{L}\\p{N}]*");
            } else {
                regex.append(Pattern.quote(word));
            }
        }
        return regex.toString();
    }
}
