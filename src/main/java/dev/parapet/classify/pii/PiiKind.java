package dev.parapet.classify.pii;

import java.util.Locale;

/**
 * The kinds of personal data and secrets the PII rail looks for, each with the finding category and the
 * span label a mask puts in its place (see docs/categories.md).
 *
 * <p>Two kinds are found by another kind's detector and name what is not a person's data: an IP address
 * from a special-purpose range (a home router, a private network, documentation examples) and a role
 * mailbox such as {@code support@} or {@code privacy@}. They keep their own category so that a policy can
 * leave them in a prompt, where masking would break the question ("my router at 192.168.1.1 ..."),
 * and still decide otherwise for a tenant that wants every address hidden.
 */
public enum PiiKind {
    EMAIL("email", "EMAIL"),
    PHONE("phone", "PHONE"),
    PAYMENT_CARD("payment_card", "CARD"),
    IBAN("iban", "IBAN"),
    US_SSN("us_ssn", "SSN"),
    IP_ADDRESS("ip_address", "IP"),
    RESERVED_IP_ADDRESS("reserved_ip_address", "IP"),
    ROLE_EMAIL("role_email", "EMAIL"),
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

    /** The kind whose detector finds this one: an address first has to look like an address. */
    public PiiKind detectedAs() {
        return switch (this) {
            case RESERVED_IP_ADDRESS -> IP_ADDRESS;
            case ROLE_EMAIL -> EMAIL;
            default -> this;
        };
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
