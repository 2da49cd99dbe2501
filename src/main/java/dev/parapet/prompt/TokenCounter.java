package dev.parapet.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts tokens the way the served model would, closely enough to enforce the context budget.
 *
 * <p>With {@code parapet.prompt.tokenizer-file} set, it loads that tiktoken-format vocabulary (Llama 3
 * ships its tokenizer in this format) and splits text with Llama 3's pre-tokenizer pattern. Otherwise
 * cl100k_base stands in. The template's control markers are counted as one token each, as the model's
 * tokenizer treats them.
 */
@ApplicationScoped
public class TokenCounter {

    /** Llama 3's pre-tokenisation pattern (the same shape as cl100k's, with case-insensitive contractions). */
    static final String LLAMA3_PATTERN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    private static final Pattern CONTROL_MARKER = Pattern.compile("<extra_id_\\d+>");

    private final Encoding encoding;
    private final String description;

    @jakarta.inject.Inject
    public TokenCounter(PromptConfig config) {
        this(config.tokenizerFile().map(Path::of).orElse(null));
    }

    public TokenCounter(Path tokenizerFile) {
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        if (tokenizerFile == null) {
            this.encoding = registry.getEncoding(EncodingType.CL100K_BASE);
            this.description = "cl100k_base (stand-in for the Llama 3 tokenizer)";
        } else {
            Map<byte[], Integer> ranks = readTiktoken(tokenizerFile);
            GptBytePairEncodingParams params = new GptBytePairEncodingParams(
                    "llama3-file", Pattern.compile(LLAMA3_PATTERN, Pattern.UNICODE_CHARACTER_CLASS), ranks, Map.of());
            registry.registerGptBytePairEncoding(params);
            this.encoding = registry.getEncoding("llama3-file").orElseThrow();
            this.description = "tiktoken vocabulary " + tokenizerFile + " (" + ranks.size() + " tokens)";
        }
        Log.infof("Token counting with %s", description);
    }

    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        // Control markers are single special tokens for the model; count them as such.
        int markers = 0;
        var m = CONTROL_MARKER.matcher(text);
        StringBuilder plain = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            markers++;
            plain.append(text, last, m.start());
            last = m.end();
        }
        plain.append(text, last, text.length());
        return markers + encoding.countTokensOrdinary(plain.toString());
    }

    public String description() {
        return description;
    }

    private static Map<byte[], Integer> readTiktoken(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer file " + file, e);
        }
        Map<byte[], Integer> ranks = new HashMap<>(lines.size() * 2);
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'base64-token rank'");
            }
            ranks.put(Base64.getDecoder().decode(parts[0]), Integer.parseInt(parts[1]));
        }
        return ranks;
    }
}
