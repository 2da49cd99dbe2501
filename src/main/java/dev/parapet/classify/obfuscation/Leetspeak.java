package dev.parapet.classify.obfuscation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words spelled with digits and symbols for letters ("h0w t0 bu1ld 4 b0mb"), turned back into letters
 * so that the word models and the embedding see "how to build a bomb".
 *
 * <p>Why a whole-text decision: ordinary text is full of letter-digit words (mp3, x86, 4th, 3D, h264,
 * sha256, 2FA, COVID-19) and the odd joke spelling ("n00b"). A word counts as disguised only when a
 * digit or {@code @ $} sits between two letters, or the word mixes both more than once ("p1p3"), and
 * the text is decoded only when at least three words are disguised and they make up a fifth of its
 * words. Hex strings (hashes, colours, ids) never count.
 */
final class Leetspeak {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9@$]+");
    private static final Pattern HEX = Pattern.compile("(?i)(?:0x)?[0-9a-f]+");
    private static final int MIN_WORDS = 3;
    private static final double MIN_SHARE = 0.2;

    private Leetspeak() {}

    record Result(String text, List<ObfuscationSignal> signals) {}

    static Result decode(String text, int originalLength, boolean exact) {
        if (!hasDigitOrSymbol(text)) {
            return new Result(text, List.of());
        }
        Matcher m = WORD.matcher(text);
        List<int[]> disguised = new ArrayList<>();
        int words = 0;
        while (m.find()) {
            words++;
            if (!isAddress(text, m) && isDisguised(m.group())) {
                disguised.add(new int[] {m.start(), m.end()});
            }
        }
        if (disguised.size() < MIN_WORDS || disguised.size() < MIN_SHARE * words) {
            return new Result(text, List.of());
        }
        // The text is leetspeak: now every word with a letter and a stand-in digit is read as letters,
        // including the short ones the strict test above lets pass ("t0", "4" for "a" between words).
        StringBuilder out = new StringBuilder(text.length());
        m.reset();
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            String word = m.group();
            String lone = loneLetter(text, m);
            out.append(lone != null ? lone : hasLetter(word) && !isAddress(text, m) ? toLetters(word) : word);
            at = m.end();
        }
        out.append(text.substring(at));
        int first = disguised.get(0)[0];
        int last = disguised.get(disguised.size() - 1)[1];
        ObfuscationSignal signal = exact
                ? new ObfuscationSignal(ObfuscationKind.LEETSPEAK, first, last, 0.6, "leetspeak words x" + disguised.size())
                : new ObfuscationSignal(ObfuscationKind.LEETSPEAK, 0, originalLength, 0.6, "leetspeak words x" + disguised.size());
        return new Result(out.toString(), List.of(signal));
    }

    /** A stand-in between two letters ("h0w", "b@d"), or at least three switches between letters and stand-ins ("p1p3"). */
    static boolean isDisguised(String word) {
        if (word.length() < 3 || !hasLetter(word) || HEX.matcher(word).matches()) {
            return false;
        }
        int switches = 0;
        boolean between = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean standIn = letterFor(c) != 0;
            boolean digit = isDigitOrSymbol(c);
            if (digit && !standIn) {
                return false; // a 2, 6 or other digit with no letter meaning: a code or a number
            }
            if (i > 0 && digit != isDigitOrSymbol(word.charAt(i - 1))) {
                switches++;
            }
            if (standIn && i > 0 && i < word.length() - 1
                    && Character.isLetter(word.charAt(i - 1)) && Character.isLetter(word.charAt(i + 1))) {
                between = true;
            }
        }
        return between || switches >= 3;
    }

    /** What the word pattern admits besides letters: an ASCII digit, {@code @} or {@code $}. */
    private static boolean isDigitOrSymbol(char c) {
        return (c >= '0' && c <= '9') || c == '@' || c == '$';
    }

    /** The local part and first label of an e-mail address ("ana@example" before ".com"): not a disguise. */
    private static boolean isAddress(String text, Matcher m) {
        return m.group().indexOf('@') > 0 && m.end() < text.length() && text.charAt(m.end()) == '.';
    }

    /** "4" or "1" standing alone between two words of a leetspeak text reads as "a" or "i". */
    private static String loneLetter(String text, Matcher m) {
        String word = m.group();
        boolean alone = m.start() > 0 && m.end() < text.length() && text.charAt(m.start() - 1) == ' ' && text.charAt(m.end()) == ' ';
        return !alone ? null : word.equals("4") ? "a" : word.equals("1") ? "i" : null;
    }

    private static String toLetters(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char letter = letterFor(c);
            b.append(letter != 0 ? letter : c);
        }
        String s = b.toString();
        return word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static char letterFor(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> 0;
        };
    }

    private static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitOrSymbol(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isDigitOrSymbol(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
