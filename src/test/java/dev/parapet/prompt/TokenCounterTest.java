package dev.parapet.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCounterTest {

    @Test
    void countsWithTheCl100kStandIn() {
        TokenCounter counter = new TokenCounter((Path) null);
        assertEquals(0, counter.count(""));
        int n = counter.count("The capital of France is Paris.");
        assertTrue(n >= 6 && n <= 9, "got " + n);
    }

    @Test
    void countsEachControlMarkerAsOneToken() {
        TokenCounter counter = new TokenCounter((Path) null);
        int plain = counter.count("System\n\nUser\nhi\nAssistant\n");
        int templated = counter.count("<extra_id_0>System\n\n<extra_id_1>User\nhi\n<extra_id_1>Assistant\n");
        assertEquals(plain + 3, templated);
    }

    /** A vocabulary file in Llama 3's tiktoken format: every byte, plus merges for "ab" and "abc". */
    @Test
    void loadsATiktokenFormatVocabulary(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        int rank = 0;
        for (int b = 0; b < 256; b++) {
            lines.add(Base64.getEncoder().encodeToString(new byte[] {(byte) b}) + " " + rank++);
        }
        lines.add(Base64.getEncoder().encodeToString("ab".getBytes(StandardCharsets.UTF_8)) + " " + rank++);
        lines.add(Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8)) + " " + rank++);
        Path file = dir.resolve("tokenizer.model");
        Files.write(file, lines);
        TokenCounter counter = new TokenCounter(file);
        assertEquals(1, counter.count("abc"));
        assertEquals(2, counter.count("abd"));
        // " abc" is one pre-token (space + letters); the space is not merged: 2 tokens.
        assertEquals(3, counter.count("abc abc"));
        assertTrue(counter.description().contains("258 tokens"));
    }
}
