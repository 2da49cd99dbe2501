package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RailConfigurationLoaderTest {

    /** A rail with one setting, used to check binding rules. */
    static final class WordRail implements Rail<WordRail.Settings> {
        record Settings(String word, Integer minCount) {}

        @Override
        public String id() {
            return "word";
        }

        @Override
        public Class<Settings> settingsType() {
            return Settings.class;
        }

        @Override
        public java.util.Set<Stage> stages() {
            return java.util.EnumSet.of(Stage.INPUT);
        }

        @Override
        public void validate(Settings settings) {
            if (settings.word() == null) {
                throw new IllegalArgumentException("'word' is required");
            }
        }

        @Override
        public List<Finding> check(RailInput input, Settings settings) {
            return List.of();
        }
    }

    private final RailConfigurationLoader loader = new RailConfigurationLoader(Map.of("word", new WordRail()));

    @Test
    void bindsKebabCaseSettingsOntoTheRailsRecord(@TempDir Path dir) throws Exception {
        Path file = write(dir, "custom.yaml", "description: test\ninput:\n  - word: { word: bomb, min-count: 2 }\n");
        RailConfiguration c = loader.load(file);
        assertEquals("custom", c.name());
        assertEquals(new WordRail.Settings("bomb", 2), c.input().get(0).settings());
        assertEquals(64, c.contentHash().length());
    }

    @Test
    void aRailMarkedWhenAskedIsHeldBackForThePolicyToAsk(@TempDir Path dir) throws Exception {
        RailConfiguration c = loader.load(write(dir, "asked.yaml", "input:\n  - word: { word: bomb, when: asked }\n"));
        assertEquals(new WordRail.Settings("bomb", null), c.input().get(0).settings(), "'when' is not a setting of the rail");
        assertEquals(List.of("word"), c.askable(Stage.INPUT));
        assertEquals(List.of(), c.routine(Stage.INPUT));
        RailConfiguration always = loader.load(write(dir, "always.yaml", "input:\n  - word: { word: bomb, when: always }\n"));
        assertEquals(List.of(), always.askable(Stage.INPUT));
        assertEquals(1, always.routine(Stage.INPUT).size());
    }

    @Test
    void refusesAWhenOtherThanAlwaysOrAsked(@TempDir Path dir) throws Exception {
        Path file = write(dir, "c.yaml", "input:\n  - word: { word: bomb, when: sometimes }\n");
        String message = assertThrows(RailConfigurationException.class, () -> loader.load(file)).getMessage();
        assertTrue(message.contains("c.yaml") && message.contains("rail 'word'") && message.contains("'always' or 'asked'"), message);
    }

    @Test
    void refusesAnUnknownSettingNamingTheRail(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad.yaml", "input:\n  - word: { word: x, colour: red }\n");
        RailConfigurationException e = assertThrows(RailConfigurationException.class, () -> loader.load(file));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("'word'") && e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void refusesAnUnknownRail(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad.yaml", "input:\n  - nope: {}\n");
        assertTrue(assertThrows(RailConfigurationException.class, () -> loader.load(file)).getMessage().contains("unknown rail 'nope'"));
    }

    @Test
    void refusesARailAtAStageItCannotRunAt(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad.yaml", "output:\n  - word: { word: x }\n");
        assertTrue(assertThrows(RailConfigurationException.class, () -> loader.load(file)).getMessage().contains("cannot run at the output stage"));
    }

    @Test
    void refusesSettingsTheRailsOwnValidationRejects(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad.yaml", "input:\n  - word: {}\n");
        assertTrue(assertThrows(RailConfigurationException.class, () -> loader.load(file)).getMessage().contains("'word' is required"));
    }

    @Test
    void refusesUnknownTopLevelKeysAndBrokenYaml(@TempDir Path dir) throws Exception {
        assertThrows(RailConfigurationException.class, () -> loader.load(write(dir, "a.yaml", "inputs: []\n")));
        assertThrows(RailConfigurationException.class, () -> loader.load(write(dir, "b.yaml", "input: [ {\n")));
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
