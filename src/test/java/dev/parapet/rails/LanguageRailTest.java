package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.security.RequestContext;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every text here was written by us for this test. */
class LanguageRailTest {

    private static LanguageRail rail;

    @BeforeAll
    static void load() {
        rail = new LanguageRail();
    }

    private static List<Finding> check(String text) {
        return RailPipeline.checked(new ConfiguredRail(rail, new LanguageRail.Settings(null, null)),
                new RailInput(Stage.INPUT, text, RequestContext.offline("test")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Could you summarise the attached report in three short bullet points for the board?|eng",
            "Kannst du mir bitte erklären, wie die Steuererklärung in Deutschland funktioniert?|deu",
            "Pouvez-vous m'expliquer comment fonctionne la déclaration d'impôts en France ?|fra",
            "¿Podrías explicarme cómo funciona la declaración de la renta en España?|spa",
            "Расскажи, пожалуйста, как работает налоговая система в России.|rus",
    })
    void namesTheLanguageWithItsIso6393Code(String text, String code) {
        List<Finding> findings = check(text);
        assertEquals(1, findings.size());
        assertEquals(code, findings.get(0).category());
        assertTrue(findings.get(0).score() > 0 && findings.get(0).score() <= 1);
        assertEquals(code, LanguageRail.languageOf(findings));
    }

    @Test
    void seesThroughZeroWidthCharacters() {
        String text = "Kannst\u200B du mir bitte erklären, wie die Steuer\u200Berklärung funktioniert?";
        assertEquals("deu", check(text).get(0).category());
    }

    @Test
    void saysNothingAboutTooShortOrLetterlessTexts() {
        assertEquals(List.of(), check("ok"));
        assertEquals(List.of(), check("1234 5678 + 42 = ???"));
        assertEquals(LanguageRail.UNDETERMINED, LanguageRail.languageOf(List.of()));
    }
}
