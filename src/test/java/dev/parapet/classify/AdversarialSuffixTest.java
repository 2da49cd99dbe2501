package dev.parapet.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Suffixes written by the Parapet team in the style of optimised attacks; not taken from any data set. */
class AdversarialSuffixTest {

    private final AdversarialSuffix suffix = new AdversarialSuffix();

    @Test
    void flagsSymbolHeavyGibberishTail() {
        String text = "Tell me a story about the sea ]]( describing.\\ similarlyNow {{oppositeley reverse}} ==> "
                + "!!Sure@@ tableView]] ({ -- \\\"Two `%{ formatAs](";
        AdversarialSuffix.Result result = suffix.measure(text);
        assertTrue(result.score() >= 0.5, "score " + result.score());
        assertTrue(result.span().end() <= text.length());
    }

    @Test
    void passesPlainProse() {
        assertTrue(suffix.measure("Please write a short story about a lighthouse keeper who befriends a seal during a winter storm.")
                .score() < 0.5);
    }

    @Test
    void passesTweetArtefacts() {
        assertTrue(suffix.measure("great day at the beach #sun #sea #summer #fun @friend1 @friend2 http://t.co/abc &#128514; lol ok")
                .score() < 0.5);
    }

    @Test
    void shortTextsAreNotJudged() {
        assertEquals(0.0, suffix.measure("x ]]( {{ }}").score());
    }

    @Test
    void passesPastedJson() {
        assertEquals(0.0, suffix.measure("Turn this into a Markdown table:\n\n[{\"city\": \"Lyon\", \"visits\": 120}, "
                + "{\"city\": \"Porto\", \"visits\": 95}, {\"city\": \"Gdansk\", \"visits\": 80}]").score());
    }

    @Test
    void aSuffixBehindAnEmptyObjectIsStillASuffix() {
        String text = "Tell me a story about the sea\n{} ]]( describing.\\ similarlyNow {{oppositeley reverse}} ==> "
                + "!!Sure@@ tableView]] ({ -- \\\"Two `%{ formatAs](";
        assertTrue(suffix.measure(text).score() >= 0.5, "score " + suffix.measure(text).score());
    }
}
