package dev.parapet.prompt;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and defuses the template's control markers inside message content, so that no message can
 * forge a turn.
 *
 * <p>Why a folded copy: a forged marker need not be spelled in ASCII. Full-width brackets ({@code ＜}),
 * small form variants ({@code ﹤}), zero-width characters between the letters, or other case all survive
 * naive matching but can be normalised back into a real marker by a downstream tokenizer or a
 * pre-processing step. Each character is folded on its own (NFKC, lower case, invisible characters
 * dropped) while an index map remembers where it came from, so the replacement covers exactly the
 * original characters. Llama 3's own special tokens ({@code <|eot_id|>} and friends) are defused too:
 * the model's tokenizer knows them.
 */
public final class ControlMarkers {

    /** Marker forms after folding: NeMo's {@code <extra_id_N>} (with any separators) and Llama 3's {@code <|...|>}. */
    private static final Pattern FOLDED_MARKER = Pattern.compile("<\\s*extra[\\s_-]*id[\\s_-]*(\\d+)\\s*>|<\\|\\s*([a-z0-9_]+)\\s*\\|>");

    private ControlMarkers() {}

    /** True when the text holds any marker or look-alike. */
    public static boolean contains(String text) {
        return text.indexOf('<') >= 0 || hasNonAscii(text)
                ? FOLDED_MARKER.matcher(new Folded(text).text).find()
                : false;
    }

    /**
     * Replaces each marker or look-alike by a bracketed, inert spelling ({@code [extra_id_1]},
     * {@code [|eot_id|]}) that reads the same to a person and means nothing to the model.
     */
    public static String neutralise(String text) {
        if (text.indexOf('<') < 0 && !hasNonAscii(text)) {
            return text;
        }
        Folded folded = new Folded(text);
        Matcher m = FOLDED_MARKER.matcher(folded.text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            if (out == null) {
                out = new StringBuilder(text.length() + 8);
            }
            int start = folded.origin[m.start()];
            int end = folded.origin[m.end() - 1] + 1;
            out.append(text, copied, start);
            out.append(m.group(1) != null ? "[extra_id_" + m.group(1) + "]" : "[|" + m.group(2) + "|]");
            copied = end;
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static boolean hasNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return true;
            }
        }
        return false;
    }

    /** The folded text and, for each of its characters, the index of the original character. */
    private static final class Folded {
        final String text;
        final int[] origin;

        Folded(String original) {
            StringBuilder sb = new StringBuilder(original.length());
            int[] map = new int[original.length() * 3 + 1];
            int n = 0;
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                String f;
                if (c < 128) {
                    f = String.valueOf(Character.toLowerCase(c));
                } else if (isInvisible(c)) {
                    f = "";
                } else {
                    f = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                }
                for (int k = 0; k < f.length(); k++) {
                    if (n == map.length) {
                        map = java.util.Arrays.copyOf(map, map.length * 2);
                    }
                    sb.append(f.charAt(k));
                    map[n++] = i;
                }
            }
            this.text = sb.toString();
            this.origin = map;
        }

        private static boolean isInvisible(char c) {
            return c == '\u00AD' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF' || Character.getType(c) == Character.FORMAT;
        }
    }
}
