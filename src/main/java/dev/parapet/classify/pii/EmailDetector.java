package dev.parapet.classify.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses: a local part, {@code @}, and a dotted domain ending in a 2–24 letter top-level label. */
public final class EmailDetector implements PiiDetector {

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
            found.add(new PiiMatch(PiiKind.EMAIL, m.start(), m.end(), 0.95, "email"));
        }
        return found;
    }
}
