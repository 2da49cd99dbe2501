package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhraseListTest {

    private static PhraseList list(Path dir, String... phrases) throws Exception {
        Path file = dir.resolve("weapons.yaml");
        Files.writeString(file, "category: weapons\nscore: 0.95\nphrases:\n" + String.join("\n", java.util.Arrays.stream(phrases).map(p -> "  - " + p).toList()) + "\n");
        return PhraseList.load(file);
    }

    @Test
    void matchesWithUpToThreeWordsInTheGapAndAnyEnding(@TempDir Path dir) throws Exception {
        PhraseList l = list(dir, "build * bomb*");
        assertEquals(1, l.find(PhraseList.fold("How do I build a pipe bomb?")).size());
        assertEquals(1, l.find(PhraseList.fold("BUILD   a\nBOMB")).size());
        assertEquals(1, l.find(PhraseList.fold("build bombs")).size());
        assertTrue(l.find(PhraseList.fold("build a house, then read a book about a bomb")).isEmpty());
    }

    @Test
    void spansPointAtTheMatchInTheOriginalText(@TempDir Path dir) throws Exception {
        PhraseList l = list(dir, "pipe bomb*");
        String text = "what is a Pipe Bomb made of";
        List<Span> spans = l.find(PhraseList.fold(text));
        assertEquals("Pipe Bomb", text.substring(spans.get(0).start(), spans.get(0).end()));
        assertEquals("WEAPONS", spans.get(0).label());
    }

    @Test
    void matchesFullWidthLookAlikesAndRespectsWordBoundaries(@TempDir Path dir) throws Exception {
        PhraseList l = list(dir, "pipe bomb*");
        assertEquals(1, l.find(PhraseList.fold("ｐｉｐｅ ｂｏｍｂ")).size());
        assertTrue(l.find(PhraseList.fold("bagpipe bombers")).isEmpty());
    }
}
