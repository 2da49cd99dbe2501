package dev.parapet.classify.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The trained semantic heads, read from {@code <parapet.semantic.dir>/<name>.json} on first use. */
@ApplicationScoped
public class SemanticHeads {

    private final Path dir;
    private final Map<String, LinearHead> loaded = new ConcurrentHashMap<>();

    public SemanticHeads(@ConfigProperty(name = "parapet.semantic.dir", defaultValue = "classifiers/semantic") String dir) {
        this.dir = Path.of(dir);
    }

    public LinearHead get(String name) {
        return loaded.computeIfAbsent(name, n -> {
            Path file = file(n);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("semantic head '" + n + "' not found at " + file.toAbsolutePath()
                        + " (train it with train-semantic)");
            }
            return LinearHead.load(file);
        });
    }

    /** Reads the head again, so a retrained file takes effect when a configuration reloads. */
    public LinearHead reload(String name) {
        loaded.remove(name);
        return get(name);
    }

    public Path file(String name) {
        return dir.resolve(name + ".json");
    }
}
