package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.Stage;
import dev.parapet.rails.TextAnalysis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Someone else's words, quoted by a user who reports them or asks about them: "He wrote 'I know where you
 * live' under my video, how do I report it?" The quote is abusive; the prompt is not. For the toxicity and
 * bias rails on prompts, when a text both quotes and reports, the lexical tier scores the text with the
 * quoted words left out (blanked, so spans keep their offsets). A category that was positive only because
 * of the quote stays visible at {@link LexicalScorer#QUOTED_MENTION_SCORE}, under the shipped block lines,
 * for auditors and stricter tenants.
 *
 * <p>Why only with a reporting cue: an insult in quotation marks with nothing around it ("Tell him: 'you
 * are worthless'") is still the user's insult. Why only prompts: a reply that quotes abuse is still abuse
 * shown to the user. The semantic head reads the whole text as before.
 */
final class ReportedSpeech {

    /** Quoted passages shorter than this many words are names or phrases, not speech. */
    static final int MIN_QUOTED_WORDS = 2;
    private static final int MAX_QUOTE_CHARS = 600;

    private static final Pattern REPORTING = Pattern.compile(String.join("|",
            "\\breport(s|ed|ing)?\\b", "\\bflag(s|ged|ging)?\\b", "\\bmoderat(e|or|ors|ion)\\b",
            "\\b(wrote|writes|posted|posts|commented|comments|said|says|texted|texts|messaged|replied|tweeted|dm'?d)\\b",
            "\\b(sent|called|told) me\\b", "\\bkeeps? (saying|calling|sending|writing|posting)\\b",
            "\\bis (this|that|it) (harassment|abuse|abusive|a threat|threatening|hate speech|illegal|legal|bullying|offensive|racist|sexist)\\b",
            "\\bwhat (do|should|can) i (do|say)\\b", "\\bhow (do|can|should) i (respond|report|reply|deal|handle)\\b",
            "\\bscreenshot"), Pattern.CASE_INSENSITIVE);

    private ReportedSpeech() {}

    /** The rail's findings for the input, with quoted and reported words left out of a prompt's lexical score. */
    static List<Finding> score(LexicalScorer scorer, RailInput input, Collection<String> categories) {
        List<Finding> all = scorer.score(input.analysis(), categories);
        if (input.stage() != Stage.INPUT || all.stream().noneMatch(f -> f.score() >= 0.5)) {
            return all;
        }
        String text = input.analysis().text();
        String blanked = blankQuotes(text);
        if (blanked.equals(text) || !REPORTING.matcher(blanked).find()) {
            return all;
        }
        List<Finding> withoutQuotes = new ArrayList<>(scorer.score(new TextAnalysis(blanked), categories));
        Map<String, Double> best = new HashMap<>();
        for (Finding f : withoutQuotes) {
            best.merge(f.category(), f.score(), Math::max);
        }
        for (Finding f : all) {
            if (f.score() >= 0.5 && best.getOrDefault(f.category(), 0.0) < 0.5) {
                withoutQuotes.add(new Finding(f.rail(), f.category(), Math.min(f.score(), LexicalScorer.QUOTED_MENTION_SCORE),
                        f.spans(), f.evidence() + " (in reported speech)"));
                best.put(f.category(), 0.5);
            }
        }
        return withoutQuotes;
    }

    /** The text with the inside of every quotation of {@value #MIN_QUOTED_WORDS}+ words replaced by spaces. */
    static String blankQuotes(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < text.length()) {
            char open = text.charAt(i);
            char close = closingFor(open);
            boolean opens = close != 0 && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            if (!opens) {
                i++;
                continue;
            }
            int end = closeOf(text, i + 1, close);
            if (end < 0) {
                i++;
                continue;
            }
            if (QuotedMention.words(text, i + 1, end) >= MIN_QUOTED_WORDS) {
                for (int k = i + 1; k < end; k++) {
                    if (!Character.isWhitespace(out[k])) {
                        out[k] = ' ';
                    }
                }
            }
            i = end + 1;
        }
        return new String(out);
    }

    private static char closingFor(char open) {
        return switch (open) {
            case '"' -> '"';
            case '\'' -> '\'';
            case '“' -> '”';
            case '‘' -> '’';
            case '„' -> '“';
            case '«' -> '»';
            default -> 0;
        };
    }

    private static int closeOf(String text, int from, char close) {
        for (int i = from; i < Math.min(text.length(), from + MAX_QUOTE_CHARS); i++) {
            if (text.charAt(i) == close && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }
}
