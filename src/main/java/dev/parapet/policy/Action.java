package dev.parapet.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a policy decided for one stage. The declaration order is the precedence when rules disagree:
 * a later constant wins over an earlier one (block over escalate over mask over notice over allow).
 */
public enum Action {
    ALLOW,
    NOTICE,
    MASK,
    ESCALATE,
    BLOCK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The stronger of two actions. */
    public Action max(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
