package dev.parapet.generation;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why generation ended, in OpenAI's words. */
public enum FinishReason {
    /** The model finished or hit a stop string. */
    STOP("stop"),
    /** max_tokens reached. */
    LENGTH("length"),
    /** A policy refused or cut the text. */
    CONTENT_FILTER("content_filter");

    private final String wire;

    FinishReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wireName() {
        return wire;
    }
}
