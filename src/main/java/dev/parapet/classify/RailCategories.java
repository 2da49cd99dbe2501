package dev.parapet.classify;

import java.util.Collection;

/** Checks category names against a rail's published vocabulary, so a typo fails at load time. */
final class RailCategories {

    private RailCategories() {}

    static void requireKnown(String railId, Collection<String> names, Collection<String> vocabulary) {
        for (String name : names) {
            if (!vocabulary.contains(name)) {
                throw new IllegalArgumentException("rail '" + railId + "' has no category '" + name + "' (known: " + vocabulary + ")");
            }
        }
    }
}
