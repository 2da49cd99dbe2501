package dev.parapet.classify.pii;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    /**
     * The special-purpose range of an IPv6 address that {@link #isIpv6} accepted, or null. The JDK parses
     * the literal (no lookup: it is an address, not a name). An IPv4-mapped address comes back as four
     * bytes and counts as public, as {@code ::ffff:0:0/96} is no special-purpose range of its own.
     */
    static String reservedV6Range(String address) {
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
        byte[] b = parsed.getAddress();
        if (b.length != 16) {
            return null;
        }
        if (parsed.isLoopbackAddress() || parsed.isAnyLocalAddress()) {
            return parsed.isLoopbackAddress() ? "loopback" : "unspecified";
        }
        if (parsed.isLinkLocalAddress()) {
            return "link-local";
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "documentation";
        }
        return parsed.isMulticastAddress() ? "multicast" : null;
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
