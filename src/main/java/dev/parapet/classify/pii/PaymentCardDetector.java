package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by spaces or hyphens (one kind of separator
 * throughout), starting with a card network prefix and passing the Luhn check. The check is what keeps
 * order numbers and other long digit runs out: a random number passes it one time in ten, and the prefix
 * rule removes most of the rest. A digit group right before the candidate (an IBAN's "DE89 ") rules it out.
 */
public final class PaymentCardDetector implements PiiDetector {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.,-])(?<!\\d[ -])\\d(?:[ -]?\\d){12,18}(?![\\w]|[.,-]\\d)");

    @Override
    public PiiKind kind() {
        return PiiKind.PAYMENT_CARD;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String raw = m.group();
            boolean spaces = raw.indexOf(' ') >= 0;
            boolean hyphens = raw.indexOf('-') >= 0;
            if (spaces && hyphens) {
                continue;
            }
            String digits = raw.replace(" ", "").replace("-", "");
            if (digits.length() >= 13 && digits.length() <= 19 && hasNetworkPrefix(digits) && luhnValid(digits)) {
                found.add(new PiiMatch(PiiKind.PAYMENT_CARD, m.start(), m.end(), 0.97, "luhn"));
            }
        }
        return found;
    }

    /** Visa 4, Mastercard 51–55 and 2221–2720, Amex 34/37, Diners 30/36/38, Discover 6, JCB 35, UnionPay 62. */
    static boolean hasNetworkPrefix(String digits) {
        char first = digits.charAt(0);
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        return first == '4' || first == '6' || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)
                || two == 34 || two == 37 || two == 30 || two == 36 || two == 38 || two == 35;
    }

    /** The Luhn mod-10 check over a string of digits. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
