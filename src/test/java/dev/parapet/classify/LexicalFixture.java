package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.Rail;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The committed models and lexicons, loaded once for all rail tests, and small ways to ask a rail. */
final class LexicalFixture {

    static final LexicalModels MODELS = new LexicalModels(Path.of("classifiers"));

    private LexicalFixture() {}

    static <S extends Record> List<Finding> check(Rail<S> rail, S settings, String text) {
        return rail.check(new RailInput(Stage.INPUT, text, RequestContext.offline("test")), settings);
    }

    /** Categories the rail reports at or above 0.5, the score the default policy acts on. */
    static <S extends Record> Set<String> flagged(Rail<S> rail, S settings, String text) {
        Set<String> categories = new TreeSet<>();
        for (Finding f : check(rail, settings, text)) {
            if (f.score() >= 0.5) {
                categories.add(f.category());
            }
        }
        return categories;
    }
}
