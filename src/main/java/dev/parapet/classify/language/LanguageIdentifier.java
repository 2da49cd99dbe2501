package dev.parapet.classify.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Names the language of a text with Apache OpenNLP's language detector model (103 languages, ISO
 * 639-3 codes), read from the {@code opennlp-models-langdetect} jar on the class path.
 *
 * <p>Why a detector per thread: the model is immutable and shared, but {@code LanguageDetectorME}
 * makes no promise about concurrent use, and creating one per thread is cheap next to the model.
 */
public final class LanguageIdentifier {

    /** Resource name of the model inside the opennlp-models-langdetect jar. */
    public static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** @param code ISO 639-3 code ({@code eng}, {@code deu}); {@code und} when the text has no letters */
    public record Guess(String code, double confidence) {}

    private final ThreadLocal<LanguageDetectorME> detector;

    public LanguageIdentifier(LanguageDetectorModel model) {
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    public static LanguageIdentifier fromClassPath() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " not on the class path (dependency org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageIdentifier(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
        }
    }

    /** The likeliest language of the first {@code maxCharacters} characters. */
    public Guess identify(CharSequence text, int maxCharacters) {
        CharSequence sample = text.length() > maxCharacters ? text.subSequence(0, maxCharacters) : text;
        if (sample.codePoints().noneMatch(Character::isLetter)) {
            return new Guess("und", 0.0);
        }
        // The detector's raw confidence is a probability spread over ~100 languages (a clear English
        // sentence scores 0.03), so it says little alone. How far the best guess leads the runner-up does:
        // p1 / (p1 + p2) is 0.5 for a toss-up and near 1 for a clear call.
        Language[] ranked = detector.get().predictLanguages(sample);
        Language best = ranked[0];
        double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0.0;
        double lead = best.getConfidence() / Math.max(1e-12, best.getConfidence() + runnerUp);
        return new Guess(best.getLang(), Math.max(0.0, Math.min(1.0, lead)));
    }
}
