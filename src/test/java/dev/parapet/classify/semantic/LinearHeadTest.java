package dev.parapet.classify.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearHeadTest {

    private static final int D = EmbeddingService.DIMENSION;

    @Test
    void theWordPartMovesTheScoreOfTheSameEmbeddingByTheWordsOfTheText() {
        float[] words = new float[WordFeatures.BUCKETS];
        words[WordFeatures.bucket("poison")] = 3f;
        LinearHead head = head(new Random(1), 4, words);
        float[][] windows = {unit(new Random(2))};
        double plain = head.maxScore(windows, "what is in a tea blend");
        double harmful = head.maxScore(windows, "what poison is in a tea blend");
        assertEquals(LinearHead.sigmoid(head.logit(windows[0])), plain, 1e-12);
        assertEquals(LinearHead.sigmoid(head.logit(windows[0]) + 3), harmful, 1e-6);
    }

    @Test
    void aHeadWithoutWordWeightsScoresTheEmbeddingAlone() {
        LinearHead head = head(new Random(1), 4, null);
        assertFalse(head.readsWords());
        float[][] windows = {unit(new Random(2))};
        assertEquals(head.maxScore(windows, "what poison is in a tea blend"), head.maxScore(windows, "what is in a tea blend"));
        assertTrue(head(new Random(1), 4, new float[WordFeatures.BUCKETS]).readsWords());
    }

    @Test
    void aSavedHeadLoadsWithItsWordWeights(@TempDir Path dir) {
        float[] words = new float[WordFeatures.BUCKETS];
        words[WordFeatures.bucket("without")] = 0.75f;
        LinearHead head = head(new Random(3), 2, words);
        Path file = dir.resolve("head.json");
        head.save(file, LinearHead.json().createObjectNode());
        LinearHead loaded = LinearHead.load(file);
        assertEquals(0.75f, loaded.wordWeights()[WordFeatures.bucket("without")], 1e-4);
        float[] x = unit(new Random(4));
        assertEquals(head.maxScore(new float[][] {x}, "do it without a trace"), loaded.maxScore(new float[][] {x}, "do it without a trace"), 1e-3);
    }

    @Test
    void wordWeightsOfTheWrongSizeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> head(new Random(1), 2, new float[10]));
    }

    private static LinearHead head(Random random, int hidden, float[] words) {
        float[][] h = new float[hidden][D];
        float[] hb = new float[hidden];
        float[] w = new float[hidden];
        for (int k = 0; k < hidden; k++) {
            for (int j = 0; j < D; j++) {
                h[k][j] = (float) random.nextGaussian() * 0.2f;
            }
            hb[k] = (float) random.nextGaussian() * 0.1f;
            w[k] = (float) random.nextGaussian();
        }
        return new LinearHead("test", "unsafe", h, hb, w, 0.1, words);
    }

    private static float[] unit(Random random) {
        float[] v = new float[D];
        for (int j = 0; j < D; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return EmbeddingService.normalised(v);
    }
}
