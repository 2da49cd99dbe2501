package dev.parapet.prompt;

import java.util.Locale;

/** The speaker of a chat message, as OpenAI's API names them. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns null for a name that is not a role we accept. */
    public static Role fromWire(String value) {
        for (Role r : values()) {
            if (r.wireName().equals(value)) {
                return r;
            }
        }
        // Newer OpenAI clients send "developer" for what older ones call "system".
        return "developer".equals(value) ? SYSTEM : null;
    }
}
