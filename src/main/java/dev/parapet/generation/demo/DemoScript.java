package dev.parapet.generation.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The demo generator's script: ordered {@code {match, reply}} pairs, first match wins. */
record DemoScript(List<Entry> entries, String fallback) {

    record Entry(Pattern match, String reply) {}

    static final String FALLBACK = "[Parapet demo generator: this reply comes from a script, not a language model.] "
            + "Your message passed the input rails. Set parapet.generation.backend=triton to talk to Llama3-70B-PPO-Chat.";

    static DemoScript read(InputStream in, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": must be a YAML list of {match, reply}");
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode item : root) {
            i++;
            if (!item.hasNonNull("match") || !item.hasNonNull("reply")) {
                throw new IllegalArgumentException(source + ": entry " + i + " needs 'match' and 'reply'");
            }
            try {
                entries.add(new Entry(Pattern.compile(item.get("match").asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        item.get("reply").asText()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(source + ": entry " + i + ": bad regex: " + e.getDescription(), e);
            }
        }
        return new DemoScript(List.copyOf(entries), FALLBACK);
    }

    String replyTo(String userMessage) {
        for (Entry e : entries) {
            if (e.match().matcher(userMessage).find()) {
                return e.reply();
            }
        }
        return fallback;
    }
}
