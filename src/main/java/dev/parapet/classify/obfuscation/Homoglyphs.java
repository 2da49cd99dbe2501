package dev.parapet.classify.obfuscation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Letters that look Latin but are not: Cyrillic and Greek look-alikes inside Latin words ("pаypal" with
 * a Cyrillic а), whole words spelled in look-alikes inside Latin text, and mathematical or full-width
 * letters ("𝐛𝐨𝐦𝐛", "ｂｏｍｂ"). Maps them to the Latin letters they imitate.
 *
 * <p>Why words in other scripts are left alone: Russian or Greek text is not an attack. A word is only
 * mapped when it mixes scripts, or when it is made entirely of look-alikes while most letters of the text
 * are Latin; full-width letters are only reported where no CJK text explains them.
 */
final class Homoglyphs {

    /** Cyrillic and Greek letters that render like a Latin letter (our own list of the common ones). */
    private static final Map<Integer, Character> TO_LATIN = new HashMap<>();

    static {
        String[] pairs = {
                // Cyrillic lower and upper case
                "аa", "еe", "оo", "рp", "сc", "уy", "хx", "іi", "јj", "ѕs", "ԁd", "һh", "ԛq", "ԝw", "ӏl",
                "АA", "ВB", "ЕE", "КK", "МM", "НH", "ОO", "РP", "СC", "ТT", "ХX", "УY", "ІI", "ЈJ", "ЅS", "ԌG", "ӀI",
                // Greek lower and upper case
                "οo", "νv", "ρp", "ιi", "κk", "τt", "υu",
                "ΑA", "ΒB", "ΕE", "ΖZ", "ΗH", "ΙI", "ΚK", "ΜM", "ΝN", "ΟO", "ΡP", "ΤT", "ΥY", "ΧX",
        };
        for (String pair : pairs) {
            String p = pair.replace(" ", "");
            if (p.length() == 2) {
                TO_LATIN.put((int) p.charAt(0), p.charAt(1));
            }
        }
    }

    private Homoglyphs() {}

    /** Result of one pass: the mapped text and what was found. */
    record Result(String text, List<ObfuscationSignal> signals) {}

    static Result map(String text) {
        if (isAscii(text)) {
            return new Result(text, List.of());
        }
        int latin = 0;
        int letters = 0;
        boolean cjk = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                latin += script == Character.UnicodeScript.LATIN ? 1 : 0;
                cjk |= script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
            }
            i += Character.charCount(cp);
        }
        boolean mostlyLatin = letters > 0 && latin * 2 > letters;
        StringBuilder out = new StringBuilder(text.length());
        List<ObfuscationSignal> signals = new ArrayList<>();
        int mixedWords = 0;
        int disguisedWords = 0;
        int styled = 0;
        int first = -1;
        int last = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int hasLatin = 0;
            int hasConfusable = 0;
            int other = 0;
            int styledHere = 0;
            while (i < text.length() && (Character.isLetter(text.codePointAt(i)) || Character.getType(text.codePointAt(i)) == Character.NON_SPACING_MARK)) {
                int c = text.codePointAt(i);
                if (isStyledLatin(c)) {
                    styledHere++;
                    hasLatin++;
                } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    hasLatin++;
                } else if (TO_LATIN.containsKey(c)) {
                    hasConfusable++;
                } else if (Character.isLetter(c)) {
                    other++;
                }
                i += Character.charCount(c);
            }
            String word = text.substring(start, i);
            boolean mixed = hasLatin > 0 && hasConfusable > 0 && other == 0;
            boolean disguised = hasLatin == 0 && hasConfusable >= 1 && other == 0 && mostlyLatin;
            if (mixed || disguised) {
                mixedWords += mixed ? 1 : 0;
                disguisedWords += disguised ? 1 : 0;
                first = first < 0 ? start : first;
                last = i;
                word = toLatin(word);
            }
            if (styledHere > 0) {
                // One or two styled letters are a variable or a unit in pasted maths (R, m, the C of microcoulomb),
                // not a word in disguise; they are still folded to Latin below.
                boolean notation = word.codePointCount(0, word.length()) <= 2;
                boolean counts = !notation && (!cjk || isMathematical(word));
                styled += counts ? styledHere : 0;
                if (counts) {
                    first = first < 0 ? start : Math.min(first, start);
                    last = Math.max(last, i);
                }
                word = Normalizer.normalize(word, Normalizer.Form.NFKC);
            }
            out.append(word);
        }
        if (mixedWords + disguisedWords > 0 || styled > 0) {
            double score = mixedWords > 0 ? 0.9 : disguisedWords > 0 ? 0.8 : 0.7;
            signals.add(new ObfuscationSignal(ObfuscationKind.HOMOGLYPHS, first, last, score,
                    "mixed-script words x" + mixedWords + ", look-alike words x" + disguisedWords + ", styled letters x" + styled));
        }
        return new Result(out.toString(), signals);
    }

    private static String toLatin(String word) {
        StringBuilder b = new StringBuilder(word.length());
        word.codePoints().forEach(c -> {
            Character latin = TO_LATIN.get(c);
            if (latin != null) {
                b.append(latin.charValue());
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** Mathematical alphanumerics, full-width Latin and enclosed Latin letters: all fold to ASCII under NFKC. */
    private static boolean isStyledLatin(int cp) {
        return (cp >= 0x1D400 && cp <= 0x1D6A5) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)
                || (cp >= 0x24B6 && cp <= 0x24E9);
    }

    private static boolean isMathematical(String word) {
        return word.codePoints().anyMatch(c -> c >= 0x1D400 && c <= 0x1D6A5);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
