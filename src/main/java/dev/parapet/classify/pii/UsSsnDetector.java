package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers: {@code AAA-GG-SSSS} with hyphens or spaces, or nine bare digits when the
 * words "SSN" or "social security" come just before. Numbers that were never issued are excluded: area
 * 000, 666 and 900–999, group 00, serial 0000, and the two numbers published in advertising.
 */
public final class UsSsnDetector implements PiiDetector {

    private static final Pattern GROUPED = Pattern.compile("(?<![\\w.-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\w]|[.-]\\d)");
    private static final Pattern BARE = Pattern.compile("(?<![\\w.-])(\\d{3})(\\d{2})(\\d{4})(?![\\w]|[.-]\\d)");
    private static final Pattern CONTEXT = Pattern.compile("\\b(?:ssn|social security|soc\\. sec\\.)\\b");

    @Override
    public PiiKind kind() {
        return PiiKind.US_SSN;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher m = GROUPED.matcher(text);
        while (m.find()) {
            if (valid(m.group(1), m.group(3), m.group(4))) {
                found.add(new PiiMatch(PiiKind.US_SSN, m.start(), m.end(), 0.85, "ssn-grouped"));
            }
        }
        Matcher bare = BARE.matcher(text);
        while (bare.find()) {
            int from = Math.max(0, bare.start() - 30);
            boolean named = CONTEXT.matcher(text.substring(from, bare.start()).toLowerCase(Locale.ROOT)).find();
            if (named && valid(bare.group(1), bare.group(2), bare.group(3))) {
                found.add(new PiiMatch(PiiKind.US_SSN, bare.start(), bare.end(), 0.9, "ssn-named"));
            }
        }
        return found;
    }

    static boolean valid(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        if (a == 0 || a == 666 || a >= 900 || group.equals("00") || serial.equals("0000")) {
            return false;
        }
        String all = area + group + serial;
        return !all.equals("078051120") && !all.equals("219099999");
    }
}
