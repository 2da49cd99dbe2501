package dev.parapet.rails;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where in the flow a text is checked: the user's prompt before generation, or the model's reply after. */
public enum Stage {
    INPUT,
    OUTPUT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Stage fromWire(String value) {
        for (Stage s : values()) {
            if (s.wireName().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("stage must be 'input' or 'output', not '" + value + "'");
    }
}
