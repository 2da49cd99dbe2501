package dev.parapet.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trained classifiers and lexicons of the lexical tier, loaded once from the classifiers folder
 * ({@code parapet.classifiers.dir}, default {@code classifiers}): {@code manifest.json} names each model's
 * file and operating point, {@code lexicons/<rail>.yaml} holds the phrases. A missing or broken file fails
 * start-up, so a gateway never serves with a rail that cannot measure.
 */
@Startup
@ApplicationScoped
public class LexicalModels {

    public static final String MANIFEST = "manifest.json";

    private final Path dir;
    private final Map<String, TextClassifier> classifiers;
    private final Map<String, Lexicon> lexicons = new HashMap<>();

    @Inject
    public LexicalModels(ClassifiersConfig config) {
        this(Path.of(config.dir()));
        Log.infof("Loaded lexical classifiers %s and lexicons %s from %s", new TreeMap<>(classifiers).keySet(),
                new TreeMap<>(lexicons).keySet(), dir.toAbsolutePath());
    }

    /** Loads everything from {@code dir}; for use outside CDI (training, evaluation, benchmarks, tests). */
    public LexicalModels(Path dir) {
        this.dir = dir;
        this.classifiers = readManifest(dir);
        Path lexiconDir = dir.resolve("lexicons");
        if (Files.isDirectory(lexiconDir)) {
            try (var files = Files.list(lexiconDir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(p -> {
                    Lexicon lexicon = Lexicon.load(p);
                    lexicons.put(lexicon.name(), lexicon);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public TextClassifier classifier(String name) {
        TextClassifier classifier = classifiers.get(name);
        if (classifier == null) {
            throw new IllegalStateException("no trained classifier '" + name + "' in " + dir.resolve(MANIFEST)
                    + " (train with dev.parapet.classify.train.TrainClassifiers)");
        }
        return classifier;
    }

    public Lexicon lexicon(String name) {
        Lexicon lexicon = lexicons.get(name);
        if (lexicon == null) {
            throw new IllegalStateException("no lexicon '" + name + "' at " + dir.resolve("lexicons").resolve(name + ".yaml"));
        }
        return lexicon;
    }

    private static Map<String, TextClassifier> readManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException("classifier manifest not found at " + manifest.toAbsolutePath()
                    + " (set parapet.classifiers.dir; working directory is " + Path.of("").toAbsolutePath() + ")");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        Map<String, TextClassifier> loaded = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode model = entry.getValue();
            double threshold = model.path("operating_point").path("threshold").asDouble(Double.NaN);
            loaded.put(entry.getKey(), TextClassifier.load(entry.getKey(), dir.resolve(model.path("file").asText()), threshold));
        }
        return loaded;
    }
}
