package dev.parapet.classify.obfuscation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text wrapped in an encoding: base64 (standard or URL-safe), hex, or rot13. Each segment that decodes
 * to readable text is replaced in place by its decoding, so "answer this: aG93IHRv..." reads as
 * "answer this: how to ..." to every rail that looks at the decoded form.
 *
 * <p>Why "readable" is the test: keys, hashes and image data are base64 or hex too, but they decode to
 * bytes, not words. A segment counts only when at least 90% of what it decodes to is printable and it
 * holds letters and a space. Rot13 is judged per sentence: a sentence counts when far more of its words
 * are common English words after rotation than before.
 */
final class EncodedText {

    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_-]{16,}={0,2})(?![A-Za-z0-9+/=_-])");
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])(?:(?:0x)?[0-9a-fA-F]{2}[ :]?){8,}(?![0-9A-Za-z])");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?:;\\n]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    /** Common English words (our own short list) used to recognise rotated sentences. */
    private static final Set<String> COMMON = Set.of(
            "the", "be", "to", "of", "and", "a", "in", "that", "have", "i", "it", "for", "not", "on", "with", "he",
            "as", "you", "do", "at", "this", "but", "his", "by", "from", "they", "we", "say", "her", "she", "or",
            "an", "will", "my", "one", "all", "would", "there", "their", "what", "so", "up", "out", "if", "about",
            "who", "get", "which", "go", "me", "when", "make", "can", "like", "time", "no", "just", "him", "know",
            "take", "people", "into", "year", "your", "good", "some", "could", "them", "see", "other", "than",
            "then", "now", "look", "only", "come", "its", "over", "think", "also", "back", "after", "use", "two",
            "how", "our", "work", "first", "well", "way", "even", "new", "want", "because", "any", "these", "give",
            "day", "most", "us", "is", "are", "was", "were", "tell", "write", "please", "help", "need", "ignore",
            "previous", "instructions", "rules", "system", "prompt", "step", "without", "someone", "kill", "bomb",
            "build", "steal", "hack", "weapon", "drug", "money", "password", "explain", "describe", "create");

    private EncodedText() {}

    record Result(String text, List<ObfuscationSignal> signals, List<String> hidden) {}

    /**
     * Decodes every readable segment. Signal offsets point into {@code text} while no earlier step has
     * changed it; once one has, a signal covers the whole original ({@code [0, originalLength)}), since
     * offsets into a rewritten text would point at the wrong characters.
     */
    static Result decode(String text, int originalLength, boolean exact) {
        List<ObfuscationSignal> signals = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        Frame frame = new Frame(originalLength, exact, hidden);
        String decoded = replace(text, BASE64, EncodedText::fromBase64, "base64", signals, frame);
        frame = frame.after(text, decoded);
        String hexDecoded = replace(decoded, HEX, EncodedText::fromHex, "hex", signals, frame);
        frame = frame.after(decoded, hexDecoded);
        return new Result(rot13Sentences(hexDecoded, signals, frame), signals, hidden);
    }

    /** Whether offsets into the current text are still offsets into the original. */
    private record Frame(int originalLength, boolean exact, List<String> hidden) {
        Frame after(String before, String now) {
            return new Frame(originalLength, exact && before.equals(now), hidden);
        }

        ObfuscationSignal signal(int start, int end, String evidence) {
            return exact ? new ObfuscationSignal(ObfuscationKind.ENCODED_TEXT, start, end, 0.6, evidence)
                    : new ObfuscationSignal(ObfuscationKind.ENCODED_TEXT, 0, originalLength, 0.6, evidence);
        }
    }

    private interface Decoder {
        String decode(String segment);
    }

    private static String replace(String text, Pattern pattern, Decoder decoder, String name, List<ObfuscationSignal> signals,
                                  Frame frame) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String plain = decoder.decode(m.group());
            if (plain == null || !readable(plain)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, m.start()).append(plain);
            copied = m.end();
            signals.add(frame.signal(m.start(), m.end(), name));
            frame.hidden().add(plain);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    static String fromBase64(String segment) {
        try {
            boolean urlSafe = segment.indexOf('-') >= 0 || segment.indexOf('_') >= 0;
            byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(padded(segment));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String padded(String segment) {
        String s = segment.replace("=", "");
        int rest = s.length() % 4;
        return rest == 0 ? s : rest == 1 ? s.substring(0, s.length() - 1) : s + "==".substring(0, 4 - rest);
    }

    static String fromHex(String segment) {
        String digits = segment.replace("0x", "").replace(" ", "").replace(":", "");
        if (digits.length() % 2 != 0) {
            return null;
        }
        try {
            return new String(HexFormat.of().parseHex(digits), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Mostly printable, with letters and at least one space: words, not bytes. */
    static boolean readable(String s) {
        if (s.length() < 8) {
            return false;
        }
        int printable = 0;
        int letters = 0;
        int spaces = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 32 && c != 127 && c != 0xFFFD) || c == '\n' || c == '\t') {
                printable++;
            }
            letters += Character.isLetter(c) ? 1 : 0;
            spaces += c == ' ' ? 1 : 0;
        }
        return printable >= 0.9 * s.length() && spaces >= 1 && letters >= 0.5 * s.length();
    }

    private static String rot13Sentences(String text, List<ObfuscationSignal> signals, Frame frame) {
        Matcher m = SENTENCE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String sentence = m.group();
            int plainHits = 0;
            int rotatedHits = 0;
            int words = 0;
            Matcher w = WORD.matcher(sentence);
            while (w.find()) {
                String word = w.group().toLowerCase(Locale.ROOT);
                words++;
                plainHits += COMMON.contains(word) ? 1 : 0;
                rotatedHits += COMMON.contains(rot13(word)) ? 1 : 0;
            }
            if (words >= 3 && rotatedHits >= 3 && rotatedHits * 10 >= words * 4 && rotatedHits > 2 * plainHits) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, m.start()).append(rot13(sentence));
                copied = m.end();
                frame.hidden().add(rot13(sentence).strip());
                signals.add(frame.signal(m.start(), m.end(), "rot13"));
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    static String rot13(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            b.append(c);
        }
        return b.toString();
    }
}
