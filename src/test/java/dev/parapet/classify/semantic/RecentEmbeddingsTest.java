package dev.parapet.classify.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentEmbeddingsTest {

    private static float[] vector(float first) {
        float[] v = new float[EmbeddingService.DIMENSION];
        v[0] = first;
        return v;
    }

    @Test
    void returnsWhatWasStoredForTheSameWindow() {
        RecentEmbeddings recent = new RecentEmbeddings(4);
        float[] system = vector(1);
        recent.put("You are the support assistant of Harbour Bank.", system);
        assertSame(system, recent.get("You are the support assistant of Harbour Bank."));
        assertNull(recent.get("You are the support assistant of Harbour Bank!"), "one character differs");
    }

    @Test
    void dropsTheLeastRecentlyUsedWindowWhenFull() {
        RecentEmbeddings recent = new RecentEmbeddings(2);
        recent.put("a", vector(1));
        recent.put("b", vector(2));
        recent.get("a");                 // "a" is now the more recently used
        recent.put("c", vector(3));
        assertEquals(2, recent.size());
        assertNull(recent.get("b"));
        assertArrayEquals(vector(1), recent.get("a"));
        assertArrayEquals(vector(3), recent.get("c"));
    }

    @Test
    void capacityZeroKeepsNothing() {
        RecentEmbeddings recent = new RecentEmbeddings(0);
        recent.put("a", vector(1));
        assertNull(recent.get("a"));
        assertEquals(0, recent.size());
        assertThrows(IllegalArgumentException.class, () -> new RecentEmbeddings(-1));
    }
}
