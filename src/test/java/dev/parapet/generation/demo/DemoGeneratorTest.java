package dev.parapet.generation.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.GenerationResult;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTest {

    static DemoConfig config(Path file) {
        return new DemoConfig() {
            @Override
            public Optional<String> repliesFile() {
                return Optional.ofNullable(file).map(Path::toString);
            }

            @Override
            public Duration wordDelay() {
                return Duration.ZERO;
            }
        };
    }

    static GenerationRequest request(String userText, int maxTokens) {
        return new GenerationRequest("r1", "prompt", List.of(
                new ChatMessage(Role.USER, "an earlier question about weather"),
                new ChatMessage(Role.ASSISTANT, "an earlier answer"),
                new ChatMessage(Role.USER, userText)), maxTokens, null, null, null, List.of(), null);
    }

    @Test
    void firstMatchingEntryWinsAgainstTheLastUserMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replies.yaml");
        Files.writeString(file, "- match: weather\n  reply: weather reply\n- match: ^hello\n  reply: first\n- match: hello\n  reply: second\n");
        DemoGenerator demo = new DemoGenerator(config(file));
        assertEquals("first", demo.generate(request("Hello there", 100)).text());
    }

    @Test
    void saysPlainlyThatItIsNotAModelWhenNothingMatches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replies.yaml");
        Files.writeString(file, "- match: xyz\n  reply: nope\n");
        GenerationResult result = new DemoGenerator(config(file)).generate(request("tell me something", 100));
        assertTrue(result.text().contains("not a language model"), result.text());
    }

    @Test
    void cutsAtMaxTokensWithFinishReasonLength() {
        DemoGenerator demo = new DemoGenerator(config(null));
        GenerationResult result = demo.generate(request("What is the capital of France?", 3));
        assertEquals("The capital of", result.text());
        assertEquals(FinishReason.LENGTH, result.finishReason());
    }

    @Test
    void streamsWordByWordEndingWithAFinishReason() {
        DemoGenerator demo = new DemoGenerator(config(null));
        List<GenerationChunk> chunks = demo.stream(request("What is the capital of France?", 100)).collect().asList().await().indefinitely();
        assertTrue(chunks.size() > 5);
        assertEquals(FinishReason.STOP, chunks.get(chunks.size() - 1).finishReason());
        assertEquals(demo.generate(request("What is the capital of France?", 100)).text(),
                String.join("", chunks.stream().map(GenerationChunk::delta).toList()));
    }

    @Test
    void refusesABrokenScriptNamingTheEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replies.yaml");
        Files.writeString(file, "- match: ok\n  reply: fine\n- match: \"(unclosed\"\n  reply: x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DemoGenerator(config(file)));
        assertTrue(e.getMessage().contains("entry 2"), e.getMessage());
    }
}
