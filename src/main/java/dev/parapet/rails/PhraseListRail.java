package dev.parapet.rails;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds phrases from named lists ({@code rails/lists/<name>.yaml}, see {@link PhraseList}). One finding
 * per list that matched, with every match as a span. The cheapest rail: one precompiled regex per list.
 */
@ApplicationScoped
public class PhraseListRail implements Rail<PhraseListRail.Settings> {

    public static final String ID = "phrase-list";

    /** @param lists names of files under rails/lists/, without .yaml */
    public record Settings(List<String> lists) {
        public Settings {
            lists = lists == null ? List.of() : List.copyOf(lists);
        }
    }

    /** Compiled lists by name; (re)compiled when a configuration that names them loads. */
    private final Map<String, PhraseList> compiled = new ConcurrentHashMap<>();
    private final Path listsDir;

    public PhraseListRail(RailsConfig config) {
        this.listsDir = Path.of(config.dir(), "lists");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings settings) {
        if (settings.lists().isEmpty()) {
            throw new IllegalArgumentException("'lists' must name at least one list under " + listsDir);
        }
        // Loading a configuration reads its lists afresh, so an edited list takes effect on reload.
        settings.lists().forEach(name -> compiled.put(name, load(name)));
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        String folded = input.analysis().get(FOLDED, PhraseList::fold);
        List<Finding> findings = new ArrayList<>();
        for (String name : settings.lists()) {
            PhraseList list = compiled.computeIfAbsent(name, this::load);
            List<Span> spans = list.find(folded);
            if (!spans.isEmpty()) {
                findings.add(new Finding(ID, list.category(), list.score(), spans, "list:" + name));
            }
        }
        return findings;
    }

    static final TextAnalysis.Key<String> FOLDED = new TextAnalysis.Key<>("folded", String.class);

    private PhraseList load(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("bad list name '" + name + "'");
        }
        Path file = listsDir.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("phrase list '" + name + "' not found at " + file);
        }
        return PhraseList.load(file);
    }
}
