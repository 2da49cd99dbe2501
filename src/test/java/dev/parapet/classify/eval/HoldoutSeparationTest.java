package dev.parapet.classify.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The held-out batches measure generalisation only while nothing is trained on them: no held-out text may
 * appear in the files the trainers read, and every held-out line says so in its split.
 */
class HoldoutSeparationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> rows(Path folder) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readTree(line));
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void heldOutTextsAreNeverInTheTrainingFiles() throws IOException {
        List<JsonNode> heldOut = rows(Path.of("classifiers/holdout"));
        assertTrue(heldOut.size() >= 2000, "held-out batches are missing: " + heldOut.size() + " lines");
        Set<String> training = new HashSet<>();
        for (JsonNode row : rows(Path.of("classifiers/ours"))) {
            training.add(row.path("text").asText().strip());
        }
        for (JsonNode row : rows(Path.of("classifiers/examples"))) {
            training.add(row.path("text").asText().strip());
        }
        List<String> leaked = heldOut.stream().map(r -> r.path("text").asText().strip()).filter(training::contains).toList();
        assertEquals(List.of(), leaked);
        assertEquals(List.of(), heldOut.stream().filter(r -> !"holdout".equals(r.path("split").asText()))
                .map(r -> r.path("text").asText()).toList());
    }
}
