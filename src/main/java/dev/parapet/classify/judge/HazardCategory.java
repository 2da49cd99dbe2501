package dev.parapet.classify.judge;

import java.util.Locale;

/**
 * The hazard taxonomy a Llama Guard 3 style judge answers in (S1–S14), each mapped to our
 * acceptable-use category from docs/categories.md.
 */
public enum HazardCategory {
    S1("Violent Crimes", "violence_terrorism"),
    S2("Non-Violent Crimes", "other_crime"),
    S3("Sex-Related Crimes", "trafficking_sexual_exploitation"),
    S4("Child Sexual Exploitation", "child_safety"),
    S5("Defamation", "defamation"),
    S6("Specialized Advice", "professional_advice"),
    S7("Privacy", "privacy"),
    S8("Intellectual Property", "ip_infringement"),
    S9("Indiscriminate Weapons", "weapons"),
    S10("Hate", "discrimination"),
    S11("Suicide & Self-Harm", "self_harm"),
    S12("Sexual Content", "sexual_solicitation"),
    S13("Elections", "fraud_disinformation"),
    S14("Code Interpreter Abuse", "malware");

    private final String title;
    private final String category;

    HazardCategory(String title, String category) {
        this.title = title;
        this.category = category;
    }

    /** The name the judge's prompt lists it under. */
    public String title() {
        return title;
    }

    /** Our finding category. */
    public String category() {
        return category;
    }

    /** {@code S9} or {@code s9}; null when the code is not one of S1–S14. */
    public static HazardCategory fromCode(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        for (HazardCategory c : values()) {
            if (c.name().equals(upper)) {
                return c;
            }
        }
        return null;
    }
}
