package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every text here was written by us for this test. */
class WordsTest {

    @Test
    void countsRunsOfLettersOrDigitsAndEachIdeographAlone() {
        assertEquals(1, Words.count("OK"));
        assertEquals(2, Words.count("lol ok \uD83D\uDE42"));
        assertEquals(2, Words.count("Don't stop!"));
        assertEquals(4, Words.count("Send it by e-mail"));
        assertEquals(4, Words.count("\u5B66\u4E60\u4E2D\u6587"));
        assertEquals(0, Words.count(" ... "));
        assertEquals(4, Words.count("Room 101, floor 3"));
    }

    @Test
    void stopsCountingOnceItHasEnough() {
        assertEquals(3, Words.count("one two three four five six", 3));
        assertEquals(2, Words.count("one two", 3));
    }
}
