package dev.parapet.classify.pii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials: keys with a well-known prefix (AWS, GitHub, Slack, Google, Stripe, OpenAI-style, JWTs),
 * PEM private key blocks, values assigned to {@code password=}, {@code api_key:} and the like, and long
 * random-looking tokens.
 *
 * <p>Why the assigned value must look like a secret (a digit, a symbol or mixed case, or quotes around
 * it): prose says "password: at least eight characters" far more often than it leaks one. And why a
 * high-entropy token must mix upper case, lower case and digits and must not decode to readable text:
 * hex digests (commit ids, checksums) and base64-wrapped prose are not credentials; the obfuscation rail
 * reports the latter.
 */
public final class SecretDetector implements PiiDetector {

    private record Prefixed(String name, Pattern pattern) {}

    private static final List<Prefixed> PREFIXED = List.of(
            new Prefixed("aws-access-key", Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Za-z0-9])")),
            new Prefixed("github-token", Pattern.compile("(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})")),
            new Prefixed("slack-token", Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}")),
            new Prefixed("google-api-key", Pattern.compile("(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])")),
            new Prefixed("stripe-key", Pattern.compile("(?<![A-Za-z0-9])[sr]k_(?:live|test)_[0-9A-Za-z]{16,}")),
            new Prefixed("sk-api-key", Pattern.compile("(?<![A-Za-z0-9_-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}")),
            new Prefixed("jwt", Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")),
            new Prefixed("private-key-block", Pattern.compile(
                    "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\\z)")));

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|passphrase|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?key|"
                    + "secret[_-]?key|access[_-]?token|auth[_-]?token|bearer)[\"']?\\s*(?:[:=]|=>)\\s*([\"'])?([^\\s\"'`,;()\\[\\]{}<>]{6,128})");
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_=-]{24,256}(?![A-Za-z0-9+/=_-])");

    @Override
    public PiiKind kind() {
        return PiiKind.SECRET;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        for (Prefixed p : PREFIXED) {
            Matcher m = p.pattern().matcher(text);
            while (m.find()) {
                add(found, new PiiMatch(PiiKind.SECRET, m.start(), m.end(), 0.98, p.name()));
            }
        }
        Matcher a = ASSIGNMENT.matcher(text);
        while (a.find()) {
            String value = a.group(2);
            boolean quoted = a.group(1) != null;
            if (looksLikeSecretValue(value, quoted)) {
                add(found, new PiiMatch(PiiKind.SECRET, a.start(2), a.end(2), 0.85, "assignment"));
            }
        }
        Matcher t = TOKEN.matcher(text);
        while (t.find()) {
            String token = t.group();
            if (looksRandom(token) && !decodesToText(token)) {
                add(found, new PiiMatch(PiiKind.SECRET, t.start(), t.end(), 0.7, "high-entropy"));
            }
        }
        found.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return found;
    }

    private static void add(List<PiiMatch> found, PiiMatch match) {
        if (found.stream().noneMatch(match::overlaps)) {
            found.add(match);
        }
    }

    static boolean looksLikeSecretValue(String value, boolean quoted) {
        if (value.startsWith("$") || value.startsWith("%") || value.matches("\\*+|x+|X+|\\.+|_+|-+")) {
            return false; // a placeholder or a template variable, not a value
        }
        if (value.matches("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
            return false; // a dotted identifier such as config.password: code, not a value
        }
        boolean digit = value.chars().anyMatch(Character::isDigit);
        boolean symbol = value.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        return quoted || digit || symbol || (upper && lower);
    }

    /** Mixed case and digits, few path separators, and at least 4.2 bits of Shannon entropy a character. */
    static boolean looksRandom(String token) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        int slashes = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            slashes += c == '/' ? 1 : 0;
        }
        return digit && upper && lower && slashes <= 2 && entropy(token) >= 4.2;
    }

    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** True when the token is base64 of mostly printable text (wrapped prose, not a key). */
    static boolean decodesToText(String token) {
        byte[] bytes;
        try {
            bytes = (token.indexOf('-') >= 0 || token.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length == 0) {
            return false;
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        long printable = decoded.chars().filter(c -> c >= 32 && c != 0xFFFD && c != 127 || c == '\n' || c == '\t').count();
        return printable >= 0.95 * decoded.length();
    }
}
