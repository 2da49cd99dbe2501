package dev.parapet.rails;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The guard configurations in force, one per {@code rails/*.yaml}. Loaded at start-up; {@link #reload()}
 * builds a complete new set and swaps it in only when every file loads, so a broken edit never
 * replaces a working configuration.
 */
@Startup
@ApplicationScoped
public class RailConfigurations {

    public static final String DEFAULT = "default";

    private final Path dir;
    private final RailConfigurationLoader loader;
    private volatile Map<String, RailConfiguration> loaded;

    public RailConfigurations(RailsConfig config, Instance<Rail<?>> rails) {
        this.dir = Path.of(config.dir());
        Map<String, Rail<?>> byId = new HashMap<>();
        for (Rail<?> rail : rails) {
            Rail<?> clash = byId.put(rail.id(), rail);
            if (clash != null) {
                throw new IllegalStateException("two rails share the id '" + rail.id() + "': "
                        + clash.getClass().getName() + " and " + rail.getClass().getName());
            }
        }
        this.loader = new RailConfigurationLoader(byId);
        this.loaded = loadAll();
        Log.infof("Loaded guard configurations %s from %s (rails available: %s)",
                loaded.keySet(), dir.toAbsolutePath(), new TreeMap<>(byId).keySet());
    }

    /** The configuration of that name; {@code null} or blank means {@value #DEFAULT}. */
    public RailConfiguration get(String name) {
        String key = name == null || name.isBlank() ? DEFAULT : name;
        RailConfiguration configuration = loaded.get(key);
        if (configuration == null) {
            throw new UnknownConfigurationException(key, names());
        }
        return configuration;
    }

    public Set<String> names() {
        return new TreeMap<>(loaded).keySet();
    }

    public Path dir() {
        return dir;
    }

    /** Loads every file again and swaps them in together; throws and keeps the old set on any error. */
    public synchronized Map<String, RailConfiguration> reload() {
        Map<String, RailConfiguration> fresh = loadAll();
        loaded = fresh;
        return fresh;
    }

    /** Loads and checks every file without swapping anything in. */
    public Map<String, RailConfiguration> loadAll() {
        if (!Files.isDirectory(dir)) {
            throw new RailConfigurationException(dir.toString(),
                    "rails folder not found (set parapet.rails.dir; working directory is "
                            + Path.of("").toAbsolutePath() + ")", null);
        }
        Map<String, RailConfiguration> fresh = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches(".+\\.ya?ml$"))
                    .sorted()
                    .forEach(p -> {
                        RailConfiguration c = loader.load(p);
                        fresh.put(c.name(), c);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!fresh.containsKey(DEFAULT)) {
            throw new RailConfigurationException(dir.resolve("default.yaml").toString(), "the default configuration is missing", null);
        }
        return Map.copyOf(fresh);
    }
}
