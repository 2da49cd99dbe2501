package dev.parapet.classify.obfuscation;

/** The ways a text can hide what it says, named by their finding category (docs/categories.md). */
public enum ObfuscationKind {
    INVISIBLE_CHARACTERS("invisible_characters"),
    HOMOGLYPHS("homoglyphs"),
    BIDI_OVERRIDE("bidi_override"),
    ENCODED_TEXT("encoded_text"),
    LEETSPEAK("leetspeak");

    private final String category;

    ObfuscationKind(String category) {
        this.category = category;
    }

    public String category() {
        return category;
    }
}
