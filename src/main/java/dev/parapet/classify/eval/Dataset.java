package dev.parapet.classify.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Labelled rows read at run time from the public data folder (default {@code ../shared/data}, never
 * committed) and from our own examples ({@code classifiers/ours/*.jsonl}, committed, marked as ours).
 */
public record Dataset(List<LabelledRow> rows) {

    public Dataset {
        rows = List.copyOf(rows);
    }

    /** Reads every {@code *.jsonl} under {@code data} (group = first folder) and under {@code ours} (group = file name). */
    public static Dataset read(Path data, Path ours) {
        List<LabelledRow> rows = new ArrayList<>();
        if (data != null) {
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException("data folder not found: " + data.toAbsolutePath());
            }
            for (Path file : jsonl(data)) {
                Path rel = data.relativize(file);
                String group = rel.getNameCount() > 1 ? rel.getName(0).toString() : "other";
                readFile(file, rel.toString().replace('\\', '/'), group, rows);
            }
        }
        if (ours != null && Files.isDirectory(ours)) {
            for (Path file : jsonl(ours)) {
                String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
                readFile(file, "ours/" + file.getFileName(), name, rows);
            }
        }
        return new Dataset(rows);
    }

    public Dataset filter(Predicate<LabelledRow> keep) {
        return new Dataset(rows.stream().filter(keep).toList());
    }

    public Dataset split(String split) {
        return filter(r -> split.equals(r.split()));
    }

    /**
     * Files of our own examples that are dev as a whole: written to choose lines on, never trained on.
     * {@code documents.jsonl} (round 28, pasted documents with and without an instruction planted for the AI)
     * tunes how the injection rails read long texts; no trainer reads documents, so a train half would only
     * have made the tuning set smaller.
     */
    public static final java.util.Set<String> DEV_ONLY = java.util.Set.of("ours/documents.jsonl");

    /** Split rule for our own examples: dev when the first byte of the text's SHA-256 is below 52 (about 20%). */
    public static String splitOf(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 0xff) < 52 ? "dev" : "train";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    private static List<Path> jsonl(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFile(Path file, String name, String group, List<LabelledRow> rows) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": not a JSON object: " + e.getOriginalMessage(), e);
                }
                if (!node.path("text").isTextual()) {
                    throw new IllegalArgumentException(file + ":" + n + ": no \"text\" string");
                }
                List<String> categories = new ArrayList<>();
                node.path("categories").forEach(c -> categories.add(c.asText()));
                String source = node.path("source").asText("");
                try {
                    rows.add(new LabelledRow(node.path("text").asText(), node.path("label").asText(), categories, source,
                            node.path("split").asText("train"), name, group, LabelledRow.OURS.equals(source)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
