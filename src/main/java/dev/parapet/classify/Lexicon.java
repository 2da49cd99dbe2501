package dev.parapet.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.rails.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phrases we wrote, by category, matched over a text's {@link Tokens}. Read from
 * {@code classifiers/lexicons/<rail>.yaml}:
 *
 * <pre>
 * categories:
 *   threat:
 *     score: 0.9                            # a phrase match alone reports the category at this score
 *     phrases:
 *       - i will {kill|hurt|stab} you       # {a|b}: one of these words
 *       - going to * you                    # '*': up to three words in between
 *       - shoot* up *                       # 'word*': any ending
 *     topics: [gun, rifle]                  # only names the category when the rail's classifier is positive
 * </pre>
 *
 * <p>Why tokens and not one regex per category: a big alternation is tried at every character of the
 * text, while a phrase is only tried where its first word occurs (one hash lookup per token), which keeps
 * all lexicons of the four lexical rails well inside a millisecond per 1,000 characters.
 */
public final class Lexicon {

    /** One category's phrase hits ({@code strong}) or topic hits, with spans over the original text. */
    public record Hit(String category, double score, boolean strong, Span span) {}

    private record Phrase(String category, double score, boolean strong, String[][] words, boolean[] prefix, boolean[] gapBefore) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int MAX_GAP = 3;

    private final String name;
    private final Map<String, Double> scores;
    /**
     * Phrases by their exact first word, when their second word cannot be looked up (one word long, a gap
     * or a prefix word second); phrases starting with a prefix word are in {@link #byPrefix}.
     */
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    /**
     * Phrases by their exact first and second words. Why: phrases in other languages share first words
     * ("cómo", "como", "wie" start hundreds of written-out variants); looking up the next token as well
     * tries only the few that can match there.
     */
    private final Map<String, Map<String, List<Phrase>>> byFirstTwoWords = new HashMap<>();
    private final List<Phrase> byPrefix = new ArrayList<>();

    private Lexicon(String name, Map<String, Double> scores) {
        this.name = name;
        this.scores = scores;
    }

    public String name() {
        return name;
    }

    /** Category names in file order. */
    public List<String> categories() {
        return List.copyOf(scores.keySet());
    }

    public static Lexicon load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            return parse(name, YAML.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("lexicon '" + name + "' cannot be read from " + file, e);
        }
    }

    static Lexicon parse(String name, JsonNode root) {
        JsonNode categories = root == null ? null : root.get("categories");
        if (categories == null || !categories.isObject()) {
            throw new IllegalArgumentException("lexicon '" + name + "' needs a 'categories' mapping");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Lexicon lexicon = new Lexicon(name, scores);
        for (Iterator<Map.Entry<String, JsonNode>> it = categories.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String category = entry.getKey();
            JsonNode node = entry.getValue();
            double score = node.path("score").asDouble(0.9);
            if (score < 0 || score > 1) {
                throw new IllegalArgumentException("lexicon '" + name + "', category '" + category + "': score must lie in [0, 1]");
            }
            scores.put(category, score);
            for (JsonNode p : node.path("phrases")) {
                for (String phrase : expand(p.asText())) {
                    lexicon.add(compile(category, score, true, phrase));
                }
            }
            for (JsonNode p : node.path("topics")) {
                lexicon.add(compile(category, 0.0, false, p.asText()));
            }
        }
        return lexicon;
    }

    private void add(Phrase phrase) {
        if (phrase.prefix()[0]) {
            byPrefix.add(phrase);
        } else if (phrase.words().length > 1 && !phrase.prefix()[1] && !phrase.gapBefore()[1]) {
            for (String first : phrase.words()[0]) {
                Map<String, List<Phrase>> bySecond = byFirstTwoWords.computeIfAbsent(first, k -> new HashMap<>());
                for (String second : phrase.words()[1]) {
                    bySecond.computeIfAbsent(second, k -> new ArrayList<>()).add(phrase);
                }
            }
        } else {
            for (String first : phrase.words()[0]) {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
            }
        }
    }

    /**
     * Writes out {@code {a b|c|}} groups whose options have several words or none (optional) as separate
     * phrases; groups of single words stay one alternation, matched per token.
     */
    static List<String> expand(String phrase) {
        int open = -1;
        for (int i = phrase.indexOf('{'); i >= 0; i = phrase.indexOf('{', i + 1)) {
            int close = phrase.indexOf('}', i);
            String body = phrase.substring(i + 1, close);
            if (body.contains(" ") || body.startsWith("|") || body.endsWith("|") || body.contains("||")) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return List.of(phrase);
        }
        int close = phrase.indexOf('}', open);
        List<String> out = new ArrayList<>();
        for (String option : phrase.substring(open + 1, close).split("\\|", -1)) {
            String written = (phrase.substring(0, open) + option + phrase.substring(close + 1)).trim().replaceAll("\\s+", " ");
            if (!written.isEmpty()) {
                out.addAll(expand(written));
            }
        }
        return out;
    }

    private static Phrase compile(String category, double score, boolean strong, String text) {
        List<String[]> words = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        List<Boolean> gaps = new ArrayList<>();
        boolean gap = false;
        for (String raw : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (raw.equals("*")) {
                gap = true;
                continue;
            }
            boolean isPrefix = raw.length() > 1 && raw.endsWith("*");
            String word = isPrefix ? raw.substring(0, raw.length() - 1) : raw;
            if (word.startsWith("{") && word.endsWith("}")) {
                word = word.substring(1, word.length() - 1);
            }
            words.add(word.split("\\|"));
            prefix.add(isPrefix);
            gaps.add(gap && !words.isEmpty() && words.size() > 1);
            gap = false;
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty phrase in category '" + category + "'");
        }
        boolean[] p = new boolean[words.size()];
        boolean[] g = new boolean[words.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = prefix.get(i);
            g[i] = gaps.get(i);
        }
        return new Phrase(category, score, strong, words.toArray(new String[0][]), p, g);
    }

    /** Every phrase and topic hit in the text, in text order per phrase. */
    public List<Hit> find(Tokens tokens) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            List<Phrase> candidates = byFirstWord.get(word);
            if (candidates != null) {
                for (Phrase phrase : candidates) {
                    tryAt(phrase, tokens, i, hits);
                }
            }
            Map<String, List<Phrase>> bySecond = i + 1 < tokens.size() ? byFirstTwoWords.get(word) : null;
            List<Phrase> pairs = bySecond == null ? null : bySecond.get(tokens.word(i + 1));
            if (pairs != null) {
                for (Phrase phrase : pairs) {
                    tryAt(phrase, tokens, i, hits);
                }
            }
            for (Phrase phrase : byPrefix) {
                tryAt(phrase, tokens, i, hits);
            }
        }
        return hits;
    }

    private void tryAt(Phrase phrase, Tokens tokens, int start, List<Hit> hits) {
        int end = matchFrom(phrase, 0, tokens, start);
        if (end > 0) {
            Span span = new Span(tokens.start(start), tokens.end(end - 1), phrase.category().toUpperCase(Locale.ROOT));
            hits.add(new Hit(phrase.category(), phrase.score(), phrase.strong(), span));
        }
    }

    /** Matches words {@code w..} of the phrase from token {@code at}; returns the index after the match, or -1. */
    private static int matchFrom(Phrase phrase, int w, Tokens tokens, int at) {
        if (w == phrase.words().length) {
            return at;
        }
        int maxSkip = phrase.gapBefore()[w] ? MAX_GAP : 0;
        for (int skip = 0; skip <= maxSkip && at + skip < tokens.size(); skip++) {
            if (wordMatches(phrase, w, tokens.word(at + skip))) {
                int end = matchFrom(phrase, w + 1, tokens, at + skip + 1);
                if (end > 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean wordMatches(Phrase phrase, int w, String token) {
        for (String option : phrase.words()[w]) {
            if (phrase.prefix()[w] ? token.startsWith(option) : token.equals(option)) {
                return true;
            }
        }
        return false;
    }
}
