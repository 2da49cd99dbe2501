package dev.parapet.classify.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nearest-example search and the file format, on vectors made up here (no model needed). */
class ExampleMemoryTest {

    private static final int D = EmbeddingService.DIMENSION;

    @TempDir
    Path dir;

    @Test
    void findsTheNearestHarmfulExampleAndLooksForBenignOnesOnlyWhenItIsCloseEnough() {
        float[] harmful = axis(0);
        float[] benign = axis(1);
        ExampleMemory memory = ExampleMemory.of(List.of(harmful, axis(2)), List.of(benign));

        ExampleMemory.Nearest onHarmful = memory.nearest(new float[][] {harmful}, 0.6);
        assertEquals(1.0, onHarmful.harmful(), 1e-6);
        assertEquals(0.0, onHarmful.benign(), 1e-6);

        // Halfway between a harmful and a benign example: both at cos 45 degrees.
        float[] between = unit(add(harmful, benign));
        ExampleMemory.Nearest halfway = memory.nearest(new float[][] {between}, 0.6);
        assertEquals(Math.sqrt(0.5), halfway.harmful(), 1e-6);
        assertEquals(Math.sqrt(0.5), halfway.benign(), 1e-6);

        // Not close to any harmful example: the benign ones are not searched.
        assertTrue(Double.isNaN(memory.nearest(new float[][] {benign}, 0.6).benign()));
    }

    @Test
    void theBestWindowOfALongTextCounts() {
        ExampleMemory memory = ExampleMemory.of(List.of(axis(5)), List.of());
        assertEquals(1.0, memory.nearest(new float[][] {axis(7), axis(5)}, 0.99).harmful(), 1e-6);
    }

    @Test
    void aSavedMemoryKeepsItsSimilaritiesToAThousandth() throws Exception {
        Random random = new Random(11);
        List<float[]> harmful = new ArrayList<>();
        List<float[]> benign = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            harmful.add(randomUnit(random));
            benign.add(randomUnit(random));
        }
        ExampleMemory memory = ExampleMemory.of(harmful, benign);
        Path file = dir.resolve("examples.bin");
        memory.save(file);
        ExampleMemory loaded = ExampleMemory.load(file);
        assertEquals(50, loaded.harmfulCount());
        assertEquals(50, loaded.benignCount());
        for (int i = 0; i < 20; i++) {
            float[] query = unit(add(harmful.get(i), randomUnit(random)));
            ExampleMemory.Nearest before = memory.nearest(new float[][] {query}, -1);
            ExampleMemory.Nearest after = loaded.nearest(new float[][] {query}, -1);
            assertEquals(before.harmful(), after.harmful(), 1e-3);
            assertEquals(before.benign(), after.benign(), 1e-3);
        }
    }

    @Test
    void refusesAFileThatIsNotAMemory() throws Exception {
        Path file = dir.resolve("other.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertThrows(IllegalArgumentException.class, () -> ExampleMemory.load(file));
    }

    private static float[] axis(int i) {
        float[] v = new float[D];
        v[i] = 1;
        return v;
    }

    private static float[] add(float[] a, float[] b) {
        float[] v = new float[D];
        for (int k = 0; k < D; k++) {
            v[k] = a[k] + b[k];
        }
        return v;
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[D];
        for (int k = 0; k < D; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] u = new float[D];
        for (int k = 0; k < D; k++) {
            u[k] = (float) (v[k] / Math.sqrt(norm));
        }
        return u;
    }
}
