package dev.parapet.rails;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.ExampleMemory;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Semantic tier: how close a text comes to a harmful request we trained on, when no benign prompt we
 * trained on comes about as close ({@link ExampleMemory}). Category {@code unsafe}; the score is the
 * cosine similarity to the nearest harmful example, reported only when that example is nearer than the
 * nearest benign one by at least {@code margin}. The embedding is the one every semantic head shares.
 *
 * <p>What it adds to the acceptable-use head: requests that sit beside one harmful example but on the
 * benign side of the head's single boundary, such as "How to start a wildfire in a national park?"
 * (head 0.24, nearest harmful example 0.87, nearest benign 0.60).
 */
@Singleton
public class SemanticNearestHarmfulRail implements SharedEmbeddingRail<SemanticNearestHarmfulRail.Settings> {

    static final String MEMORY = "acceptable-use-examples.bin";

    /**
     * @param margin how much nearer than the nearest benign example the harmful one must be (default 0.2)
     * @param reportAbove similarities below this give no finding, and below it no benign example is searched (default 0.6)
     */
    public record Settings(Double margin, Double reportAbove) {
        public Settings {
            margin = margin == null ? 0.2 : margin;
            reportAbove = reportAbove == null ? 0.6 : reportAbove;
        }
    }

    private final EmbeddingService embeddings;
    private final Path file;
    private volatile ExampleMemory memory;
    private String loadedStamp;

    public SemanticNearestHarmfulRail(EmbeddingService embeddings,
                                      @ConfigProperty(name = "parapet.semantic.dir", defaultValue = "classifiers/semantic") String dir) {
        this.embeddings = embeddings;
        this.file = Path.of(dir).resolve(MEMORY);
    }

    @Override
    public String id() {
        return "semantic-nearest-harmful";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    /**
     * Refuses settings outside [0, 1] and reads the memory when its file changed, so a rebuilt file takes
     * effect with a configuration reload; the configurations that name this rail share one copy.
     */
    @Override
    public void validate(Settings settings) {
        if (settings.margin() < 0 || settings.margin() > 1 || settings.reportAbove() < 0 || settings.reportAbove() > 1) {
            throw new IllegalArgumentException("margin and report-above must lie in [0, 1]");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("example memory not found at " + file.toAbsolutePath()
                    + " (build it with ExampleMemoryBuilder, see classifiers/semantic/README.md)");
        }
        String stamp = stamp();
        synchronized (this) {
            if (memory == null || !stamp.equals(loadedStamp)) {
                memory = ExampleMemory.load(file);
                loadedStamp = stamp;
            }
        }
    }

    /** The file's size and modification time: enough to tell a rebuilt memory from the one loaded. */
    private String stamp() {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        ExampleMemory examples = memory;
        if (examples == null) {
            throw new RailFailure(id(), "example memory not loaded from " + file);
        }
        float[][] windows = SemanticHeadRail.embeddingsOf(input.analysis(), embeddings);
        ExampleMemory.Nearest nearest = examples.nearest(windows, settings.reportAbove());
        if (nearest.harmful() < settings.reportAbove() || nearest.harmful() - nearest.benign() < settings.margin()) {
            return List.of();
        }
        double score = Math.min(1, nearest.harmful());
        return List.of(new Finding(id(), "unsafe", score, List.of(), String.format(Locale.ROOT,
                "nearest harmful training example %.3f, nearest benign %.3f", nearest.harmful(), nearest.benign())));
    }
}
