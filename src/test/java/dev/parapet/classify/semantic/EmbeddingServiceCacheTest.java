package dev.parapet.classify.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Loads the real MiniLM model twice (a few seconds): the cache must never change what a head sees. */
class EmbeddingServiceCacheTest {

    private static final String SYSTEM = "You are the booking assistant of a small hotel by the sea. ".repeat(20);

    @Test
    void aRepeatedWindowIsServedFromTheCacheWithTheSameValues() {
        EmbeddingService cached = new EmbeddingService(1, 16);
        EmbeddingService uncached = new EmbeddingService(1, 0);
        String first = SYSTEM + "\n\nDo you have a room with a sea view on Friday?";
        String second = SYSTEM + "\n\nIs breakfast included, and can I check in after 10pm?";

        float[][] a = cached.embedWindows(first, 3);
        float[][] b = cached.embedWindows(second, 3);
        assertEquals(2, a.length, "a 1,200+ character text is read as two windows");
        assertSame(a[0], b[0], "the system prompt's window is embedded once");
        assertNotSame(a[1], b[1]);

        float[][] fresh = uncached.embedWindows(second, 3);
        for (int i = 0; i < fresh.length; i++) {
            assertArrayEquals(fresh[i], b[i], 1e-6f, "window " + i);
        }
    }
}
