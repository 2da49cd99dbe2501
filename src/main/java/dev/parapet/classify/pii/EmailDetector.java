package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part, {@code @}, and a dotted domain ending in a 2–24 letter top-level label.
 *
 * <p>A role mailbox ({@code support@}, {@code privacy@}, {@code jobs@}, ...; a {@code +tag} is ignored) is
 * reported as {@link PiiKind#ROLE_EMAIL}: it belongs to a function of an organisation, not to a person, and
 * job ads, privacy notices and pasted signatures are full of them.
 */
public final class EmailDetector implements PiiDetector {

    /** Local parts that name a function, in English and the other languages we see most. */
    private static final Set<String> ROLE_MAILBOXES = Set.of(
            "info", "contact", "kontakt", "hello", "enquiries", "inquiries", "office", "team", "feedback",
            "support", "help", "helpdesk", "service", "customerservice", "customer-service", "care",
            "sales", "billing", "accounts", "accounting", "invoices", "orders", "shop",
            "jobs", "careers", "recruiting", "hr", "press", "media", "pr", "marketing", "newsletter", "news",
            "privacy", "dpo", "datenschutz", "gdpr", "legal", "compliance", "security", "abuse",
            "postmaster", "hostmaster", "webmaster", "admin", "mailer-daemon",
            "noreply", "no-reply", "donotreply", "do-not-reply", "notifications", "alerts");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+%-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\\.)+[A-Za-z]{2,24}(?![\\w-]|\\.[A-Za-z0-9])");

    @Override
    public PiiKind kind() {
        return PiiKind.EMAIL;
    }

    @Override
    public List<PiiMatch> find(String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        List<PiiMatch> found = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(isRoleMailbox(m.group())
                    ? new PiiMatch(PiiKind.ROLE_EMAIL, m.start(), m.end(), 0.95, "role mailbox")
                    : new PiiMatch(PiiKind.EMAIL, m.start(), m.end(), 0.95, "email"));
        }
        return found;
    }

    static boolean isRoleMailbox(String address) {
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        int tag = local.indexOf('+');
        return ROLE_MAILBOXES.contains(tag >= 0 ? local.substring(0, tag) : local);
    }
}
