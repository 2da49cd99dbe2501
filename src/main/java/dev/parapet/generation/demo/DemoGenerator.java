package dev.parapet.generation.demo;

import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.GenerationResult;
import dev.parapet.generation.Generator;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.Role;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default backend: no GPU, no model. It answers from a script, matched against the last
 * user message, and streams word by word. Everything about it says it is not a model: the log at
 * start-up, the {@code system_fingerprint} of each response and the built-in fallback reply.
 */
@Identifier(DemoGenerator.ID)
@ApplicationScoped
public class DemoGenerator implements Generator {

    public static final String ID = "demo";
    private static final String BUILT_IN = "default-replies.yaml";
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");

    private final DemoScript script;
    private final DemoConfig config;

    public DemoGenerator(DemoConfig config) {
        this.config = config;
        this.script = config.repliesFile().map(DemoGenerator::readFile).orElseGet(DemoGenerator::readBuiltIn);
        Log.warnf("DEMO generator active: replies come from a script (%d entries, %s), NOT from a language model",
                script.entries().size(), config.repliesFile().orElse("built-in script"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        List<String> words = words(request);
        boolean cut = words.size() > request.maxTokens();
        String text = String.join("", cut ? words.subList(0, request.maxTokens()) : words);
        return new GenerationResult(cut ? text.stripTrailing() : text, cut ? FinishReason.LENGTH : FinishReason.STOP);
    }

    @Override
    public Multi<GenerationChunk> stream(GenerationRequest request) {
        List<String> words = words(request);
        boolean cut = words.size() > request.maxTokens();
        List<String> sent = cut ? words.subList(0, request.maxTokens()) : words;
        List<GenerationChunk> chunks = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            boolean last = i == sent.size() - 1;
            chunks.add(new GenerationChunk(sent.get(i), last ? (cut ? FinishReason.LENGTH : FinishReason.STOP) : null));
        }
        Multi<GenerationChunk> items = Multi.createFrom().iterable(chunks);
        if (config.wordDelay().isZero()) {
            return items;
        }
        return items.onItem().call(chunk -> io.smallrye.mutiny.Uni.createFrom().nullItem()
                .onItem().delayIt().by(config.wordDelay()));
    }

    /** The reply split into words, each with its trailing whitespace; one "token" per word. */
    private List<String> words(GenerationRequest request) {
        String reply = script.replyTo(lastUserMessage(request.messages()));
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(reply);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String lastUserMessage(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    private static DemoScript readFile(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return DemoScript.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("parapet.demo.replies-file: cannot read " + file, e);
        }
    }

    private static DemoScript readBuiltIn() {
        try (InputStream in = DemoGenerator.class.getResourceAsStream(BUILT_IN)) {
            return DemoScript.read(in, "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
