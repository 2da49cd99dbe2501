package dev.parapet.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Documents written by the Parapet team for the tests ({@code src/test/resources/documents/}). */
final class TestDocuments {

    private TestDocuments() {}

    static String read(String name) {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
