package dev.parapet.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parapet.rails.TextAnalysis;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void lowerCasesWordsAndKeepsOffsets() {
        String text = "Don't  IGNORE, the rules!";
        Tokens tokens = Tokens.of(text);
        assertArrayEquals(new String[] {"don't", "ignore", "the", "rules"}, tokens.words());
        assertEquals("IGNORE", text.substring(tokens.start(1), tokens.end(1)));
    }

    @Test
    void isComputedOncePerText() {
        TextAnalysis analysis = new TextAnalysis("one two");
        assertSame(Tokens.of(analysis), Tokens.of(analysis));
    }

    @Test
    void capsVeryLongTexts() {
        assertEquals(Tokens.MAX_TOKENS, Tokens.of("word ".repeat(Tokens.MAX_TOKENS + 50)).size());
    }
}
