package dev.parapet.classify.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sentence embeddings of labelled training examples, harmful and benign, for asking how close a text
 * comes to a known harmful request and whether a known benign prompt comes closer.
 *
 * <p>Why besides the trained head: a head draws one boundary through the whole space and, to keep benign
 * prompts out, leaves out some requests that sit right beside a harmful example it was trained on
 * ("How to start a wildfire in a national park?" scored 0.24). A near neighbour keeps that local
 * knowledge; the benign examples keep it honest, because a look-alike such as "how do fire doors help
 * residents escape" has a benign neighbour as close as its harmful one.
 *
 * <p>The file holds vectors only, no text: each vector as signed bytes scaled to its largest component
 * (one float per vector; the error on a cosine is about 0.001), read back into floats, because a float
 * dot product is faster here than a byte one. Scanning is linear: a few thousand vectors take well under a millisecond, and the benign ones
 * are scanned only for a text that has a close harmful neighbour.
 */
public final class ExampleMemory {

    /** The nearest harmful example's cosine similarity and, if it was looked for, the nearest benign one's (else NaN). */
    public record Nearest(double harmful, double benign) {}

    private static final int MAGIC = 0x50584d31; // "PXM1"

    private final int dimension;
    private final float[] harmful;
    private final float[] benign;

    ExampleMemory(int dimension, float[] harmful, float[] benign) {
        if (harmful.length % dimension != 0 || benign.length % dimension != 0) {
            throw new IllegalArgumentException("vectors do not fill whole rows of " + dimension);
        }
        this.dimension = dimension;
        this.harmful = harmful;
        this.benign = benign;
    }

    /** From unit-length vectors of harmful and benign examples. */
    public static ExampleMemory of(List<float[]> harmful, List<float[]> benign) {
        return new ExampleMemory(EmbeddingService.DIMENSION, flatten(harmful), flatten(benign));
    }

    public int harmfulCount() {
        return harmful.length / dimension;
    }

    public int benignCount() {
        return benign.length / dimension;
    }

    /**
     * The nearest examples to any of a text's windows. The benign examples are searched only when the
     * harmful neighbour reaches {@code benignFrom}: below it the answer cannot matter.
     */
    public Nearest nearest(float[][] windows, double benignFrom) {
        double nearHarmful = -1;
        for (float[] w : windows) {
            nearHarmful = Math.max(nearHarmful, best(harmful, w));
        }
        if (nearHarmful < benignFrom) {
            return new Nearest(nearHarmful, Double.NaN);
        }
        double nearBenign = -1;
        for (float[] w : windows) {
            nearBenign = Math.max(nearBenign, best(benign, w));
        }
        return new Nearest(nearHarmful, nearBenign);
    }

    /** The highest dot product of {@code query} with a row of {@code rows}; four sums for instruction-level parallelism. */
    private float best(float[] rows, float[] query) {
        float best = -1;
        int d = dimension;
        for (int offset = 0; offset < rows.length; offset += d) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int k = 0; k < d; k += 4) {
                s0 += rows[offset + k] * query[k];
                s1 += rows[offset + k + 1] * query[k + 1];
                s2 += rows[offset + k + 2] * query[k + 2];
                s3 += rows[offset + k + 3] * query[k + 3];
            }
            float s = s0 + s1 + s2 + s3;
            if (s > best) {
                best = s;
            }
        }
        return best;
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeInt(MAGIC);
                out.writeInt(dimension);
                out.writeInt(harmfulCount());
                out.writeInt(benignCount());
                writeRows(out, harmful);
                writeRows(out, benign);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static ExampleMemory load(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(file + " is not an example memory");
            }
            int dimension = in.readInt();
            int harmful = in.readInt();
            int benign = in.readInt();
            if (dimension != EmbeddingService.DIMENSION || dimension % 4 != 0 || harmful < 0 || benign < 0) {
                throw new IllegalArgumentException(file + ": dimension " + dimension + " does not match the embedding model");
            }
            return new ExampleMemory(dimension, readRows(in, harmful, dimension), readRows(in, benign, dimension));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Each row: its scale (largest absolute component / 127), then its components as bytes of that scale. */
    private void writeRows(DataOutputStream out, float[] rows) throws IOException {
        byte[] bytes = new byte[dimension];
        for (int offset = 0; offset < rows.length; offset += dimension) {
            float max = 1e-12f;
            for (int k = 0; k < dimension; k++) {
                max = Math.max(max, Math.abs(rows[offset + k]));
            }
            float scale = max / 127f;
            for (int k = 0; k < dimension; k++) {
                bytes[k] = (byte) Math.round(rows[offset + k] / scale);
            }
            out.writeFloat(scale);
            out.write(bytes);
        }
    }

    private static float[] readRows(DataInputStream in, int count, int dimension) throws IOException {
        float[] rows = new float[count * dimension];
        byte[] bytes = new byte[dimension];
        for (int r = 0; r < count; r++) {
            float scale = in.readFloat();
            in.readFully(bytes);
            for (int k = 0; k < dimension; k++) {
                rows[r * dimension + k] = bytes[k] * scale;
            }
        }
        return rows;
    }

    private static float[] flatten(List<float[]> vectors) {
        float[] flat = new float[vectors.size() * EmbeddingService.DIMENSION];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, flat, i * EmbeddingService.DIMENSION, EmbeddingService.DIMENSION);
        }
        return flat;
    }
}
