package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses (four dotted octets of 0–255, not part of a longer dotted number such as a version)
 * and IPv6 addresses (eight hex groups, or fewer with one {@code ::}), validated group by group so that
 * clock times like {@code 10:30:00} never match.
 */
public final class IpAddressDetector implements PiiDetector {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 = Pattern.compile(
            "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d)");
    private static final Pattern V6_CANDIDATE = Pattern.compile(
            "(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\w:])");

    /** "section 4.2.1.3", "version 1.2.3.4": a dotted number that names a heading or a release, not a host. */
    private static final Pattern NUMBERED_HEADING = Pattern.compile(
            "(?i)(?:section|chapter|clause|version|release|rule|ver\\.|v|§)\\s*$");

    @Override
    public PiiKind kind() {
        return PiiKind.IP_ADDRESS;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        if (text.indexOf('.') >= 0) {
            Matcher m = V4.matcher(text);
            while (m.find()) {
                if (!NUMBERED_HEADING.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                    found.add(new PiiMatch(PiiKind.IP_ADDRESS, m.start(), m.end(), 0.9, "ipv4"));
                }
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher m = V6_CANDIDATE.matcher(text);
            while (m.find()) {
                if (isIpv6(m.group())) {
                    found.add(new PiiMatch(PiiKind.IP_ADDRESS, m.start(), m.end(), 0.9, "ipv6"));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** Eight groups of 1–4 hex digits, or fewer around exactly one {@code ::}; at least two non-empty groups. */
    static boolean isIpv6(String candidate) {
        int doubleColon = candidate.indexOf("::");
        if (doubleColon >= 0 && candidate.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (candidate.contains(":::")) {
            return false;
        }
        String[] parts = candidate.split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                boolean partOfDouble = doubleColon >= 0;
                if (!partOfDouble) {
                    return false;
                }
                continue;
            }
            if (p.length() > 4) {
                return false;
            }
            groups++;
        }
        if (doubleColon < 0) {
            return groups == 8;
        }
        return groups >= 2 && groups <= 7;
    }
}
