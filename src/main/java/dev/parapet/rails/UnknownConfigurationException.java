package dev.parapet.rails;

import java.util.Set;

/** A request named a guard configuration that is not loaded. */
public class UnknownConfigurationException extends RuntimeException {

    public UnknownConfigurationException(String name, Set<String> known) {
        super("unknown guardrails configuration '" + name + "'; known: " + known);
    }
}
