package dev.parapet.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static Lexicon lexicon(String yaml) throws Exception {
        return Lexicon.parse("test", new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    private static final String YAML = """
            categories:
              weapons:
                score: 0.9
                phrases:
                  - "{make|build} * bomb*"
                  - "{3d printed|untraceable} gun"
                topics: [rifle]""";

    @Test
    void matchesAlternativesGapsAndEndingsWithSpans() throws Exception {
        String text = "How would I BUILD a small, homemade bombs kit?";
        List<Lexicon.Hit> hits = lexicon(YAML).find(Tokens.of(text));
        assertEquals(1, hits.size());
        Lexicon.Hit hit = hits.get(0);
        assertEquals("weapons", hit.category());
        assertTrue(hit.strong());
        assertEquals("BUILD a small, homemade bombs", text.substring(hit.span().start(), hit.span().end()));
    }

    @Test
    void gapIsAtMostThreeWords() throws Exception {
        assertEquals(List.of(), lexicon(YAML).find(Tokens.of("make one two three four bomb")));
        assertEquals(1, lexicon(YAML).find(Tokens.of("make one two three bomb")).size());
    }

    @Test
    void expandsMultiWordAlternatives() throws Exception {
        assertEquals(1, lexicon(YAML).find(Tokens.of("a 3D printed gun")).size());
        assertEquals(1, lexicon(YAML).find(Tokens.of("an untraceable gun")).size());
        assertEquals(List.of("a b d", "a c d", "a d"), Lexicon.expand("a {b|c|} d"));
    }

    @Test
    void topicsAreWeakHits() throws Exception {
        List<Lexicon.Hit> hits = lexicon(YAML).find(Tokens.of("cleaning my rifle"));
        assertEquals(1, hits.size());
        assertTrue(!hits.get(0).strong());
    }

    @Test
    void refusesScoreOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> lexicon("categories: { x: { score: 1.5, phrases: [a] } }"));
    }

    @Test
    void committedLexiconsLoadAndUseOnlyPublishedCategories() {
        // Rail constructors check lexicon categories against docs/categories.md's vocabulary.
        new ToxicityRail(LexicalFixture.MODELS);
        new BiasRail(LexicalFixture.MODELS);
        new AcceptableUseRail(LexicalFixture.MODELS);
        new JailbreakRail(LexicalFixture.MODELS);
        assertTrue(LexicalFixture.MODELS.lexicon("acceptable-use").categories().contains("malware"));
    }
}
