package dev.parapet.classify.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WordFeaturesTest {

    @Test
    void aTextGivesItsWordsAndNeighbouringPairsOnceEach() {
        int[] f = WordFeatures.of("pick the lock, pick the lock");
        // pick, the, lock, "pick the", "the lock", "lock pick": six distinct features however often they repeat
        assertEquals(6, f.length);
        assertTrue(contains(f, WordFeatures.bucket("pick the")));
        assertTrue(contains(f, WordFeatures.bucket("lock pick")));
        assertFalse(contains(f, WordFeatures.bucket("pick lock")), "only neighbours make a pair");
    }

    @Test
    void caseAndPunctuationDoNotChangeTheFeatures() {
        assertArrayEquals(WordFeatures.of("How do I pick a lock?"), WordFeatures.of("how DO i pick a lock"));
    }

    @Test
    void featuresAreSortedBucketsInRangeAndStableAcrossRuns() {
        int[] f = WordFeatures.of("Schreib mir ein Gedicht über den Herbst, bitte.");
        int[] sorted = f.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, f);
        assertTrue(Arrays.stream(f).allMatch(b -> b >= 0 && b < WordFeatures.BUCKETS));
        // The trained weights are indexed by these buckets, so the hash is CRC-32 of the UTF-8 bytes modulo
        // 65,536, the same in every JVM (values from another CRC-32 implementation, Python's zlib).
        assertEquals(49319, WordFeatures.bucket("how do"));
        assertEquals(48707, WordFeatures.bucket("a"));
    }

    @Test
    void anEmptyTextHasNoFeatures() {
        assertEquals(0, WordFeatures.of("").length);
        assertEquals(0, WordFeatures.of("?!").length);
    }

    private static boolean contains(int[] sorted, int value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }
}
