package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses (four dotted octets of 0–255, not part of a longer dotted number such as a version)
 * and IPv6 addresses (eight hex groups, or fewer with one {@code ::}), validated group by group so that
 * clock times like {@code 10:30:00} never match.
 *
 * <p>An address in a special-purpose range (private networks, loopback, link-local, carrier-grade NAT,
 * documentation and benchmarking, multicast; RFC 6890 and its IPv6 counterparts) is reported as
 * {@link PiiKind#RESERVED_IP_ADDRESS}: it is the same on thousands of networks or on none, so it points
 * to no one, and questions about routers, firewalls and logs are full of them.
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
                    found.add(match(m, "ipv4", reservedV4Range(m.group())));
                }
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher m = V6_CANDIDATE.matcher(text);
            while (m.find()) {
                if (isIpv6(m.group())) {
                    found.add(match(m, "ipv6", reservedV6Range(m.group())));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** @param range the special-purpose range the address lies in, or null for a public address */
    private static PiiMatch match(Matcher m, String family, String range) {
        return range == null
                ? new PiiMatch(PiiKind.IP_ADDRESS, m.start(), m.end(), 0.9, family)
                : new PiiMatch(PiiKind.RESERVED_IP_ADDRESS, m.start(), m.end(), 0.9, family + " " + range);
    }

    /** The special-purpose range a dotted IPv4 address lies in, or null for an ordinary public address. */
    static String reservedV4Range(String address) {
        String[] parts = address.split("\\.");
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[1]);
        int c = Integer.parseInt(parts[2]);
        if (a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168) {
            return "private-use";
        }
        if (a == 127) {
            return "loopback";
        }
        if (a == 169 && b == 254) {
            return "link-local";
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return "shared-address-space";
        }
        if (a == 192 && b == 0 && c == 2 || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
            return "documentation";
        }
        if (a == 198 && (b == 18 || b == 19)) {
            return "benchmarking";
        }
        if (a == 0) {
            return "this-network";
        }
        if (a >= 224) {
            return a < 240 ? "multicast" : "reserved";
        }
        return null;
    }

    /** The special-purpose range of an IPv6 address that {@link #isIpv6} accepted, or null. */
    static String reservedV6Range(String address) {
        int[] groups = expandV6(address);
        boolean zeroUpToLast = true;
        for (int i = 0; i < 7; i++) {
            zeroUpToLast &= groups[i] == 0;
        }
        if (zeroUpToLast && groups[7] <= 1) {
            return groups[7] == 1 ? "loopback" : "unspecified";
        }
        if ((groups[0] & 0xffc0) == 0xfe80) {
            return "link-local";
        }
        if ((groups[0] & 0xfe00) == 0xfc00) {
            return "unique-local";
        }
        if (groups[0] == 0x2001 && groups[1] == 0x0db8) {
            return "documentation";
        }
        if ((groups[0] & 0xff00) == 0xff00) {
            return "multicast";
        }
        return null;
    }

    /** The eight 16-bit groups, with {@code ::} filled by zeros. */
    private static int[] expandV6(String address) {
        int[] groups = new int[8];
        int doubleColon = address.indexOf("::");
        String head = doubleColon >= 0 ? address.substring(0, doubleColon) : address;
        String tail = doubleColon >= 0 ? address.substring(doubleColon + 2) : "";
        String[] front = head.isEmpty() ? new String[0] : head.split(":");
        String[] back = tail.isEmpty() ? new String[0] : tail.split(":");
        for (int i = 0; i < front.length; i++) {
            groups[i] = Integer.parseInt(front[i], 16);
        }
        for (int i = 0; i < back.length; i++) {
            groups[8 - back.length + i] = Integer.parseInt(back[i], 16);
        }
        return groups;
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
