package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers in three shapes: international ({@code +44 20 7946 0958}, {@code +14155552671}),
 * North American ({@code (415) 555-2671}, {@code 415-555-2671}) and European national with a trunk
 * zero ({@code 030 12345678}, {@code 06 12 34 56 78}).
 *
 * <p>Why shapes and not "any long digit run": plain numbers, dates, versions, amounts and order ids
 * are far more common in prompts than phone numbers. A national number must therefore be grouped the
 * way people write phone numbers, with a plausible digit count, and a digit run that looks like a
 * date ({@code 2024-01-15}, {@code 01.02.2024}) is never a phone number.
 */
public final class PhoneDetector implements PiiDetector {

    private static final String LEFT = "(?<![\\w.+/-])";
    private static final String RIGHT = "(?![\\w]|[.-]\\d)";
    private static final Pattern INTERNATIONAL = Pattern.compile(
            LEFT + "\\+[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,4}\\)?){1,6}" + RIGHT);
    private static final Pattern NORTH_AMERICAN = Pattern.compile(
            LEFT + "(?:1[ .-])?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}" + RIGHT);
    private static final Pattern EUROPEAN = Pattern.compile(
            LEFT + "0\\d{1,4}(?:[ /.-]\\d{2,8}){1,4}" + RIGHT);
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");

    @Override
    public PiiKind kind() {
        return PiiKind.PHONE;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        collect(text, INTERNATIONAL, 8, 15, 0.9, "phone-international", found);
        collect(text, NORTH_AMERICAN, 10, 11, 0.85, "phone-north-american", found);
        collect(text, EUROPEAN, 9, 12, 0.75, "phone-national", found);
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static void collect(String text, Pattern pattern, int minDigits, int maxDigits, double score,
                                String evidence, List<PiiMatch> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String raw = m.group();
            int digits = countDigits(raw);
            if (digits < minDigits || digits > maxDigits || DATE_LIKE.matcher(raw).matches() || raw.startsWith("000")) {
                continue;
            }
            PiiMatch match = new PiiMatch(PiiKind.PHONE, m.start(), m.end(), score, evidence);
            if (found.stream().noneMatch(match::overlaps)) {
                found.add(match);
            }
        }
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
