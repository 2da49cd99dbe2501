package dev.parapet.rails;

/**
 * How many words a text has, the one count the rails' settings ({@code min-words}) and the policies'
 * {@code words} fact both use: runs of letters or digits (an apostrophe or hyphen inside a run keeps it
 * one word: "don't", "e-mail"), and each ideograph or kana on its own, since Chinese and Japanese put no
 * spaces between words. Emoji and punctuation are not words.
 *
 * <p>Not the lexical models' tokens ({@code classify.Tokens}): those are what the trained models saw
 * and cannot change without retraining them.
 */
public final class Words {

    private Words() {}

    public static int count(String text) {
        return count(text, Integer.MAX_VALUE);
    }

    /** As {@link #count(String)}, but stops at {@code enough}: a check that needs no more ends early on a long text. */
    public static int count(String text, int enough) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words < enough; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                words += inWord ? 0 : 1;
                inWord = true;
            } else if (c != '\'' && c != '’' && c != '-') {
                inWord = false;
            }
        }
        return words;
    }
}
