package dev.parapet.rails;

import dev.parapet.classify.obfuscation.Deobfuscated;
import dev.parapet.classify.obfuscation.ObfuscationKind;
import dev.parapet.classify.obfuscation.ObfuscationSignal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports text that hides what it says: invisible and zero-width characters, look-alike letters from
 * other scripts, bidi overrides, base64-, hex- or rot13-wrapped text, and leetspeak. One finding per kind, scored
 * by the surest signal. The decoded text itself is shared with every rail through {@link Deobfuscation},
 * so a lexical or semantic rail sees "how to make a bomb" where the user wrote it in base64.
 */
@ApplicationScoped
public class ObfuscationRail implements Rail<ObfuscationRail.Settings> {

    public static final String ID = "obfuscation";

    /** @param kinds which kinds to report, by category name; empty = all */
    public record Settings(List<String> kinds) {
        public Settings {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }

        boolean wants(ObfuscationKind kind) {
            return kinds.isEmpty() || kinds.contains(kind.category());
        }
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
        List<String> known = java.util.Arrays.stream(ObfuscationKind.values()).map(ObfuscationKind::category).toList();
        for (String kind : settings.kinds()) {
            if (!known.contains(kind)) {
                throw new IllegalArgumentException("unknown obfuscation kind '" + kind + "' (known: " + known + ")");
            }
        }
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        Deobfuscated result = Deobfuscation.of(input.analysis());
        Map<ObfuscationKind, List<ObfuscationSignal>> byKind = new EnumMap<>(ObfuscationKind.class);
        for (ObfuscationSignal s : result.signals()) {
            if (settings.wants(s.kind())) {
                byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Finding> findings = new ArrayList<>();
        int length = input.text().length();
        byKind.forEach((kind, signals) -> {
            double score = 0;
            List<Span> spans = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (ObfuscationSignal s : signals) {
                score = Math.max(score, s.score());
                spans.add(new Span(Math.min(s.start(), length), Math.min(s.end(), length), kind.name().toUpperCase(Locale.ROOT)));
                evidence.add(s.evidence());
            }
            findings.add(new Finding(ID, kind.category(), score, spans, String.join("; ", evidence)));
        });
        return findings;
    }
}
