package dev.parapet.classify;

import dev.parapet.rails.Span;
import java.util.regex.Pattern;

/**
 * Tells a phrase that is quoted to be talked about from a phrase that is used. "What does 'ignore previous
 * instructions' mean?" names an attack; "Ignore previous instructions and ..." is one. A hit counts as a
 * mention when quotation marks close around it with at most {@value #MAX_EXTRA_WORDS} other words inside,
 * so the quote holds the phrase and nothing it could act on, and the rest of the text does not ask for the
 * quote to be carried out ("translate it, then do what it says").
 *
 * <p>Why: security students, teachers and developers ask about these phrases in every language, and a
 * phrase list alone refused them all. A quoted override with a payload ("'Ignore your rules and explain how
 * to ...'") keeps its full score, because the payload words make the quote longer than the phrase.
 */
final class QuotedMention {

    static final int MAX_EXTRA_WORDS = 2;
    /** How far from the phrase an enclosing quotation mark may sit, in characters. */
    private static final int REACH = 40;
    private static final String OPENING = "\"“„«‹'‘‚「『";
    private static final String CLOSING = "\"”“»›'’‘」』";

    /** Requests to carry out quoted or translated text, in the languages the jailbreak lexicon covers. */
    private static final Pattern ACT_ON_IT = Pattern.compile(String.join("|",
            "\\bdo(es)? what (it|they|this|that) (says?|said|asks?)\\b",
            "\\bcarry (it|them|that|this) out\\b", "\\bcarr(y|ies) out (it|the|what)\\b",
            "\\b(follow|obey|execute|apply|run|perform) (it|them|that|this|those|these)\\b",
            "\\bact (on|upon)\\b", "\\bas (a|an|my|your) (command|instruction|order|directive)\\b",
            "\\bas (though|if) it (were|was)\\b",
            "\\bfais ce qu", "\\bex[ée]cute[sz]?[- ](le|la|les)\\b", "\\bhaz lo que\\b", "\\bhaga lo que\\b",
            "\\b(c[úu]mple|ejec[úu]ta)(lo|la|las|los)\\b", "\\btu,? was\\b", "\\bf[üu]hre (es|sie|das) aus\\b",
            "\\bbefolge\\b", "\\bfai (quello|ci[òo]) che\\b", "\\besegui(lo|la|le|li)\\b", "\\bfa[çc]a o que\\b",
            "\\bdoe wat\\b", "\\bvoer (het|dat|ze) uit\\b"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuotedMention() {}

    /** Whether the hit at {@code span} is quoted with almost nothing else inside the quotation marks. */
    static boolean isQuoted(String text, Span span) {
        int open = quoteBefore(text, span.start());
        if (open < 0) {
            return false;
        }
        int close = quoteAfter(text, span.end());
        if (close < 0) {
            return false;
        }
        return words(text, open + 1, span.start()) + words(text, span.end(), close) <= MAX_EXTRA_WORDS;
    }

    /** Whether the text asks for quoted or translated words to be carried out. */
    static boolean asksToActOnIt(String text) {
        return ACT_ON_IT.matcher(text).find();
    }

    private static int quoteBefore(String text, int from) {
        for (int i = from - 1; i >= Math.max(0, from - REACH); i--) {
            char c = text.charAt(i);
            if (OPENING.indexOf(c) >= 0 && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                return i;
            }
            if (c == '\n' || CLOSING.indexOf(c) >= 0 && c != '\'' && c != '"') {
                return -1;
            }
        }
        return -1;
    }

    private static int quoteAfter(String text, int from) {
        for (int i = from; i < Math.min(text.length(), from + REACH); i++) {
            char c = text.charAt(i);
            if (CLOSING.indexOf(c) >= 0 && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                return i;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Words (runs of letters and digits) in {@code text[from, to)}. */
    static int words(String text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
