package dev.parapet.classify.pii;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers: a country code, two check digits and the national account
 * number, printed either solid or in groups of four. A match needs the exact length registered for its
 * country and a valid mod-97 check (ISO 13616), so a word like "DE22" in prose never matches.
 */
public final class IbanDetector implements PiiDetector {

    private static final Pattern START = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{2})(\\d{2})");

    /** Registered IBAN lengths by country (ISO 13616 registry, written out by us). */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Override
    public PiiKind kind() {
        return PiiKind.IBAN;
    }

    @Override
    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher m = START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Integer length = LENGTHS.get(m.group(1));
            int end = length == null ? -1 : endOf(text, m.start(), length);
            if (end > 0 && mod97Valid(compact(text.substring(m.start(), end)))) {
                found.add(new PiiMatch(PiiKind.IBAN, m.start(), end, 0.97, "mod97"));
                from = end;
            } else {
                from = m.start() + 1;
            }
        }
        return found;
    }

    /**
     * Where an IBAN of {@code length} characters starting at {@code start} ends, allowing single spaces
     * between characters; -1 when the characters run out, or the number runs on past its length.
     */
    private static int endOf(String text, int start, int length) {
        int count = 0;
        int i = start;
        while (i < text.length() && count < length) {
            char c = text.charAt(i);
            if (isIbanChar(c)) {
                count++;
                i++;
            } else if (c == ' ' && count > 0 && i + 1 < text.length() && isIbanChar(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (count < length) {
            return -1;
        }
        return i < text.length() && Character.isLetterOrDigit(text.charAt(i)) ? -1 : i;
    }

    private static boolean isIbanChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static String compact(String iban) {
        return iban.replace(" ", "");
    }

    /** ISO 13616 check: move the first four characters to the end, letters to numbers, remainder 1 mod 97. */
    public static boolean mod97Valid(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                digits.append(c);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
