package dev.parapet.rails;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code rails/<name>.yaml}:
 *
 * <pre>
 * description: what this configuration is for
 * input:
 *   - token-length: { max-tokens: 3000 }
 *   - phrase-list: { lists: [weapons] }
 * output:
 *   - phrase-list: { lists: [weapons] }
 * </pre>
 *
 * Each list item is one rail id with its settings block, bound onto the rail's settings record with
 * kebab-case keys. One key belongs to every rail rather than to its settings: {@code when: always} (the
 * default) runs the rail on every text, {@code when: asked} only when the policy asks for its opinion. An unknown rail, an unknown key, a rail at a stage it does not support, or settings
 * the rail's own {@link Rail#validate} refuses all fail the load with the file and rail named.
 */
public final class RailConfigurationLoader {

    private static final String WHEN = "when";
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("description", "input", "output");

    private final Map<String, Rail<?>> railsById;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper binder = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public RailConfigurationLoader(Map<String, Rail<?>> railsById) {
        this.railsById = Map.copyOf(railsById);
    }

    public RailConfiguration load(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.replaceFirst("\\.ya?ml$", "");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RailConfigurationException(fileName, "cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = yaml.readTree(bytes);
        } catch (IOException e) {
            throw new RailConfigurationException(fileName, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RailConfigurationException(fileName, "must be a mapping with 'input' and/or 'output'", null);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new RailConfigurationException(fileName, "unknown key '" + key + "' (allowed: " + TOP_LEVEL_KEYS + ")", null);
            }
        }
        List<ConfiguredRail> input = stage(fileName, root.get("input"), Stage.INPUT);
        List<ConfiguredRail> output = stage(fileName, root.get("output"), Stage.OUTPUT);
        String description = root.path("description").asText("");
        return new RailConfiguration(name, description, input, output, sha256(bytes));
    }

    private List<ConfiguredRail> stage(String fileName, JsonNode list, Stage stage) {
        List<ConfiguredRail> rails = new ArrayList<>();
        if (list == null || list.isNull()) {
            return rails;
        }
        if (!list.isArray()) {
            throw new RailConfigurationException(fileName, "'" + stage.wireName() + "' must be a list of rails", null);
        }
        for (JsonNode item : list) {
            String id;
            JsonNode settingsNode;
            if (item.isTextual()) {
                id = item.asText();
                settingsNode = binder.createObjectNode();
            } else if (item.isObject() && item.size() == 1) {
                Map.Entry<String, JsonNode> entry = item.fields().next();
                id = entry.getKey();
                settingsNode = entry.getValue() == null || entry.getValue().isNull() ? binder.createObjectNode() : entry.getValue();
            } else {
                throw new RailConfigurationException(fileName, "each '" + stage.wireName() + "' item must be 'rail-id: { settings }'", null);
            }
            Rail<?> rail = railsById.get(id);
            if (rail == null) {
                throw new RailConfigurationException(fileName, "unknown rail '" + id + "' (known: " + railsById.keySet() + ")", null);
            }
            if (!rail.stages().contains(stage)) {
                throw new RailConfigurationException(fileName, "rail '" + id + "' cannot run at the " + stage.wireName() + " stage", null);
            }
            boolean whenAsked = whenAsked(fileName, id, settingsNode);
            rails.add(new ConfiguredRail(rail, bind(fileName, rail, settingsNode), whenAsked));
        }
        return rails;
    }

    /** Reads and removes the {@code when} key, which is not part of any rail's own settings. */
    private static boolean whenAsked(String fileName, String id, JsonNode settingsNode) {
        if (!settingsNode.isObject() || !settingsNode.has(WHEN)) {
            return false;
        }
        String when = settingsNode.get(WHEN).asText("");
        ((ObjectNode) settingsNode).remove(WHEN);
        return switch (when) {
            case "always" -> false;
            case "asked" -> true;
            default -> throw new RailConfigurationException(fileName, "rail '" + id + "': when must be 'always' or 'asked', not '"
                    + when + "'", null);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Record bind(String fileName, Rail<?> rail, JsonNode settingsNode) {
        Record settings;
        try {
            settings = binder.treeToValue(settingsNode, rail.settingsType());
        } catch (IOException | IllegalArgumentException e) {
            throw new RailConfigurationException(fileName, "rail '" + rail.id() + "': bad settings: " + rootMessage(e), e);
        }
        try {
            ((Rail) rail).validate(settings);
        } catch (RuntimeException e) {
            throw new RailConfigurationException(fileName, "rail '" + rail.id() + "': " + e.getMessage(), e);
        }
        return settings;
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        // Jackson appends a source-location paragraph that points into our own tree, not the user's file.
        int cut = message == null ? -1 : message.indexOf("\n at [Source");
        return cut > 0 ? message.substring(0, cut) : String.valueOf(message);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
