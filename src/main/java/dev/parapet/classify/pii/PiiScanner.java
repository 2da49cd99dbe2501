package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the detectors for the kinds asked for and resolves overlaps: where two matches overlap, the one
 * from the more specific detector wins (a secret or a checksum-valid card over a phone-shaped digit
 * run), so every character is masked under one label at most.
 */
public final class PiiScanner {

    /** Most specific first: the order decides who wins an overlap. */
    private static final List<PiiDetector> DETECTORS = List.of(
            new SecretDetector(), new EmailDetector(), new PaymentCardDetector(), new IbanDetector(),
            new UsSsnDetector(), new IpAddressDetector(), new PhoneDetector());

    private final Set<PiiKind> wanted;
    private final List<PiiDetector> detectors;

    public PiiScanner(Set<PiiKind> kinds) {
        this.wanted = kinds.isEmpty() ? EnumSet.noneOf(PiiKind.class) : EnumSet.copyOf(kinds);
        this.detectors = DETECTORS.stream()
                .filter(d -> wanted.stream().anyMatch(k -> k.detectedAs() == d.kind()))
                .toList();
    }

    public static PiiScanner all() {
        return new PiiScanner(EnumSet.allOf(PiiKind.class));
    }

    /**
     * Non-overlapping matches of the wanted kinds in text order. A match of an unwanted kind that its
     * detector also finds (a reserved IP address when only {@code ip_address} is wanted) still holds its
     * characters, so no weaker detector reads them as, say, a phone number.
     */
    public List<PiiMatch> scan(String text) {
        List<PiiMatch> kept = new ArrayList<>();
        for (PiiDetector detector : detectors) {
            for (PiiMatch match : detector.find(text)) {
                if (kept.stream().noneMatch(match::overlaps)) {
                    kept.add(match);
                }
            }
        }
        kept.removeIf(m -> !wanted.contains(m.kind()));
        kept.sort(Comparator.comparingInt(PiiMatch::start));
        return kept;
    }
}
