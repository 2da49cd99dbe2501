package dev.parapet.classify.pii;

import java.util.Locale;

/**
 * The kinds of personal data and secrets the PII rail looks for, each with the finding category and the
 * span label a mask puts in its place (see docs/categories.md).
 */
public enum PiiKind {
    EMAIL("email", "EMAIL"),
    PHONE("phone", "PHONE"),
    PAYMENT_CARD("payment_card", "CARD"),
    IBAN("iban", "IBAN"),
    US_SSN("us_ssn", "SSN"),
    IP_ADDRESS("ip_address", "IP"),
    SECRET("secret", "SECRET");

    private final String category;
    private final String label;

    PiiKind(String category, String label) {
        this.category = category;
        this.label = label;
    }

    /** The finding category, also the name used in rail settings. */
    public String category() {
        return category;
    }

    public String label() {
        return label;
    }

    /** Accepts the category name ({@code payment_card}) or its kebab form ({@code payment-card}). */
    public static PiiKind fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (PiiKind kind : values()) {
            if (kind.category.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown PII kind '" + name + "'");
    }
}
