package dev.parapet.rails;

import dev.parapet.classify.obfuscation.Deobfuscated;
import dev.parapet.classify.obfuscation.Deobfuscator;

/**
 * The decoded form of the text being checked, shared by every rail of a stage: invisible and bidi
 * characters removed, look-alike letters mapped to Latin, base64/hex/rot13 segments decoded in place.
 * Any rail may call {@link #text(TextAnalysis)} to classify what the text really says.
 *
 * <p>Why a static entry point and not the obfuscation rail's output: the rails of a stage run
 * concurrently, so no rail can wait for another's findings. Whichever rail asks first computes the
 * decoded form (once, memoised in the {@link TextAnalysis}); the others reuse it. The obfuscation rail
 * reports what it found; it does not need to run first, or at all, for other rails to see decoded text.
 */
public final class Deobfuscation {

    /** The full result: decoded text and what was hidden where. */
    public static final TextAnalysis.Key<Deobfuscated> RESULT = new TextAnalysis.Key<>("deobfuscated", Deobfuscated.class);

    /** The decoded text alone; present once {@link #of} has run for this text. */
    public static final TextAnalysis.Key<String> DECODED = new TextAnalysis.Key<>("decoded", String.class);

    private Deobfuscation() {}

    public static Deobfuscated of(TextAnalysis analysis) {
        Deobfuscated result = analysis.get(RESULT, Deobfuscator::deobfuscate);
        if (analysis.peek(DECODED) == null) {
            analysis.put(DECODED, result.text()); // outside the memo's compute: the map forbids nested updates
        }
        return result;
    }

    /** The decoded text; the original text itself when nothing was hidden. */
    public static String text(TextAnalysis analysis) {
        return of(analysis).text();
    }
}
