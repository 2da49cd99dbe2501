package dev.parapet.classify.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads labelled JSONL files at run time: the shared data folder (never copied into the project) and
 * our own examples under {@code classifiers/examples/}.
 */
public final class LabelledData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledData() {}

    /** Every {@code *.jsonl} under {@code dir}, in path order, each line tagged with its relative file name. */
    public static List<LabelledText> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data folder not found: " + dir.toAbsolutePath());
        }
        List<LabelledText> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                rows.addAll(read(file, dir.relativize(file).toString().replace('\\', '/')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static List<LabelledText> read(Path file, String name) {
        List<LabelledText> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                List<String> categories = new ArrayList<>();
                n.path("categories").forEach(c -> categories.add(c.asText()));
                rows.add(new LabelledText(n.path("text").asText(), n.path("label").asText(), categories,
                        n.path("source").asText(""), n.path("split").asText("train"), name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }
}
