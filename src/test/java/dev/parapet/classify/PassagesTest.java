package dev.parapet.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassagesTest {

    private static String[] words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "w" + i).toArray(String[]::new);
    }

    @Test
    void aShortTextIsOnePassage() {
        String[] w = words(Passages.WORDS);
        List<String[]> passages = Passages.of(w);
        assertEquals(1, passages.size());
        assertArrayEquals(w, passages.get(0));
    }

    @Test
    void passagesOverlapByHalfAndTheLastEndsWithTheText() {
        List<String[]> passages = Passages.of(words(200));
        // starts 0, 40, 80, 120: the fourth reaches word 199
        assertEquals(4, passages.size());
        assertEquals("w0", passages.get(0)[0]);
        assertEquals("w40", passages.get(1)[0]);
        assertEquals(Passages.WORDS, passages.get(1).length);
        String[] last = passages.get(3);
        assertEquals("w120", last[0]);
        assertEquals("w199", last[last.length - 1]);
    }

    @Test
    void everyWordIsInSomePassage() {
        String[] w = words(333);
        java.util.Set<String> seen = new java.util.HashSet<>();
        Passages.of(w).forEach(p -> seen.addAll(List.of(p)));
        assertEquals(333, seen.size());
    }

    @Test
    void onlyTextsLongerThanOneEmbeddingWindowAreReadInPassages() {
        assertFalse(Passages.readsInPassages("x".repeat(1200)));
        assertTrue(Passages.readsInPassages("x".repeat(1201)));
    }
}
