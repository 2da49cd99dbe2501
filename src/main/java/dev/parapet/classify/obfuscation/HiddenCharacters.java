package dev.parapet.classify.obfuscation;

import java.util.ArrayList;
import java.util.List;

/**
 * Invisible characters (zero-width spaces and joiners, word joiners, soft hyphens, Unicode tag
 * characters, variation selectors used as carriers) and bidirectional controls (embeddings, overrides,
 * isolates). Finds them and strips them.
 *
 * <p>Why some are tolerated: a zero-width joiner inside an emoji sequence, a zero-width non-joiner in
 * Persian words, a byte-order mark at the start, or isolates around right-to-left text are ordinary
 * Unicode. Only what sits inside Latin words, runs of three or more, tag characters (which can carry
 * a whole hidden ASCII message) and overrides in text without right-to-left script count as signals.
 */
final class HiddenCharacters {

    private HiddenCharacters() {}

    static boolean isInvisible(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF
                || cp == 0x00AD || cp == 0x180E || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164
                || cp == 0xFFA0 || cp == 0x17B4 || cp == 0x17B5 || isTag(cp) || (cp >= 0xFE00 && cp <= 0xFE0D)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    static boolean isTag(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isOverride(int cp) {
        return cp == 0x202D || cp == 0x202E;
    }

    /** Signals for the hidden characters in {@code text}; {@code hiddenTags} receives any ASCII carried by tag characters. */
    static List<ObfuscationSignal> scan(String text, StringBuilder hiddenTags) {
        List<ObfuscationSignal> signals = new ArrayList<>();
        int suspicious = 0;
        int tags = 0;
        int first = -1;
        int last = -1;
        int run = 0;
        int overrides = 0;
        int isolates = 0;
        int bidiFirst = -1;
        int bidiLast = -1;
        boolean rtl = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            byte dir = Character.getDirectionality(cp);
            rtl |= dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            if (isInvisible(cp) && !(cp == 0xFEFF && i == 0)) {
                run++;
                boolean counts = isTag(cp) || cp >= 0xE0100 || insideLatinWord(text, i, width) || run >= 3;
                if (isTag(cp)) {
                    tags++;
                    if (cp >= 0xE0020 && cp <= 0xE007E) {
                        hiddenTags.append((char) (cp - 0xE0000));
                    }
                }
                if (counts) {
                    suspicious++;
                    first = first < 0 ? i : first;
                    last = i + width;
                }
            } else if (isBidiControl(cp)) {
                if (isOverride(cp)) {
                    overrides++;
                } else {
                    isolates++;
                }
                bidiFirst = bidiFirst < 0 ? i : bidiFirst;
                bidiLast = i + width;
            } else {
                run = 0;
            }
            i += width;
        }
        if (suspicious > 0) {
            double score = tags > 0 ? 0.95 : suspicious >= 3 ? 0.9 : suspicious == 2 ? 0.75 : 0.6;
            String evidence = tags > 0 ? "tag characters x" + tags : "zero-width x" + suspicious;
            signals.add(new ObfuscationSignal(ObfuscationKind.INVISIBLE_CHARACTERS, first, last, score, evidence));
        }
        if (overrides > 0 || isolates > 0) {
            double score = overrides > 0 ? (rtl ? 0.7 : 0.9) : (rtl ? 0.2 : 0.6);
            signals.add(new ObfuscationSignal(ObfuscationKind.BIDI_OVERRIDE, bidiFirst, bidiLast, score,
                    "overrides x" + overrides + ", embeddings/isolates x" + isolates));
        }
        return signals;
    }

    /** Between two Latin letters or digits, looking past neighbouring invisible characters. */
    private static boolean insideLatinWord(String text, int at, int width) {
        int before = at;
        while (before > 0) {
            int cp = text.codePointBefore(before);
            if (!isInvisible(cp)) {
                break;
            }
            before -= Character.charCount(cp);
        }
        int after = at + width;
        while (after < text.length()) {
            int cp = text.codePointAt(after);
            if (!isInvisible(cp)) {
                break;
            }
            after += Character.charCount(cp);
        }
        return before > 0 && after < text.length() && isLatinAlnum(text.codePointBefore(before))
                && isLatinAlnum(text.codePointAt(after));
    }

    private static boolean isLatinAlnum(int cp) {
        return Character.isDigit(cp) || (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }

    /** The text without invisible or bidi control characters, except joiners that belong to emoji or non-Latin words. */
    static String strip(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean drop = isBidiControl(cp)
                    || (isInvisible(cp) && !((cp == 0x200C || cp == 0x200D) && !insideLatinWord(text, i, width)));
            if (drop && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (!drop && out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
