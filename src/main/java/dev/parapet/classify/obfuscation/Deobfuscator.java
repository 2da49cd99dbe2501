package dev.parapet.classify.obfuscation;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the disguises off a text in one pass per disguise: hidden characters are reported and
 * stripped, look-alike letters mapped to Latin, encoded segments decoded in place, then digits that
 * stand in for letters read as letters when the text is leetspeak. Characters
 * smuggled as Unicode tags are decoded and appended on a line of their own.
 *
 * <p>Signal offsets point into the original text. A step that runs on a text an earlier step already
 * rewrote reports its signal over the whole original instead, because its own offsets no longer line
 * up; obfuscation findings are evidence for the policy, not spans to mask, so this loses nothing.
 */
public final class Deobfuscator {

    private Deobfuscator() {}

    public static Deobfuscated deobfuscate(String original) {
        List<ObfuscationSignal> signals = new ArrayList<>();
        StringBuilder tags = new StringBuilder();
        signals.addAll(HiddenCharacters.scan(original, tags));
        String stripped = HiddenCharacters.strip(original);
        Homoglyphs.Result latin = Homoglyphs.map(stripped);
        boolean exact = stripped.equals(original);
        for (ObfuscationSignal s : latin.signals()) {
            signals.add(exact ? s : new ObfuscationSignal(s.kind(), 0, original.length(), s.score(), s.evidence()));
        }
        exact &= latin.text().equals(stripped);
        EncodedText.Result decoded = EncodedText.decode(latin.text(), original.length(), exact);
        signals.addAll(decoded.signals());
        exact &= decoded.text().equals(latin.text());
        Leetspeak.Result letters = Leetspeak.decode(decoded.text(), original.length(), exact);
        signals.addAll(letters.signals());
        String text = letters.text();
        List<String> hidden = new ArrayList<>(decoded.hidden());
        if (!tags.isEmpty()) {
            text = text + "\n" + tags;
            hidden.add(tags.toString());
        }
        return new Deobfuscated(text, signals, hidden);
    }
}
