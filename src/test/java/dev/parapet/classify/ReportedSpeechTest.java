package dev.parapet.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportedSpeechTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // quoted passages of two or more words are blanked, offsets kept
            "He wrote 'you are awful' to me.|He wrote '             ' to me.",
            "She said “go away now” twice.|She said “           ” twice.",
            "Le voisin a écrit « dégage d'ici » hier.|Le voisin a écrit «              » hier.",
            // apostrophes inside words are not quotation marks
            "It's Tom's car, isn't it?|It's Tom's car, isn't it?",
            // a quoted single word is a name, not speech
            "The word 'idiot' comes from Greek.|The word 'idiot' comes from Greek.",
            // an unclosed quotation is left alone
            "He wrote \"you are awful and left.|He wrote \"you are awful and left."})
    void blanksTheInsideOfQuotations(String text, String expected) {
        assertEquals(expected, ReportedSpeech.blankQuotes(text));
        assertEquals(text.length(), ReportedSpeech.blankQuotes(text).length());
    }
}
