package dev.parapet.rails;

import dev.parapet.classify.pii.PiiKind;
import dev.parapet.classify.pii.PiiMatch;
import dev.parapet.classify.pii.PiiScanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds personal data and secrets: e-mail addresses, phone numbers, payment cards (Luhn), IBANs
 * (mod-97), US SSNs, IP addresses and credentials. One finding per kind found, with every match as a
 * span labelled for masking ({@code EMAIL}, {@code CARD}, ...); the policy decides whether to mask,
 * block or let it pass. The score of a finding is the surest of its matches. Addresses that point to no
 * person, in reserved IP ranges or of role mailboxes, have categories of their own
 * ({@code reserved_ip_address}, {@code role_email}) so a policy can tell them apart.
 *
 * <p>Spans always point into the text as given, never into a normalised copy, so a mask replaces
 * exactly what the user wrote.
 */
@ApplicationScoped
public class PiiRail implements Rail<PiiRail.Settings> {

    public static final String ID = "pii";

    /** @param kinds which kinds to look for, by category name ({@code email}, {@code payment_card}, ...); empty = all */
    public record Settings(List<String> kinds) {
        public Settings {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }

        Set<PiiKind> parsed() {
            if (kinds.isEmpty()) {
                return EnumSet.allOf(PiiKind.class);
            }
            Set<PiiKind> set = EnumSet.noneOf(PiiKind.class);
            kinds.forEach(k -> set.add(PiiKind.fromName(k)));
            return set;
        }
    }

    private final Map<Set<PiiKind>, PiiScanner> scanners = new ConcurrentHashMap<>();

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
        settings.parsed();
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        PiiScanner scanner = scanners.computeIfAbsent(settings.parsed(), PiiScanner::new);
        Map<PiiKind, List<PiiMatch>> byKind = new LinkedHashMap<>();
        for (PiiMatch match : scanner.scan(input.text())) {
            byKind.computeIfAbsent(match.kind(), k -> new ArrayList<>()).add(match);
        }
        List<Finding> findings = new ArrayList<>(byKind.size());
        for (Map.Entry<PiiKind, List<PiiMatch>> entry : byKind.entrySet()) {
            PiiKind kind = entry.getKey();
            List<Span> spans = new ArrayList<>();
            double score = 0;
            List<String> patterns = new ArrayList<>();
            for (PiiMatch m : entry.getValue()) {
                spans.add(new Span(m.start(), m.end(), kind.label()));
                score = Math.max(score, m.score());
                if (!patterns.contains(m.evidence())) {
                    patterns.add(m.evidence());
                }
            }
            findings.add(new Finding(ID, kind.category(), score, spans,
                    spans.size() + " match(es): " + String.join(",", patterns)));
        }
        return findings;
    }
}
