package dev.parapet.rails;

import dev.parapet.classify.language.LanguageIdentifier;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Names the language of the text: category = ISO 639-3 code ({@code eng}, {@code deu}), score = the
 * detector's confidence. A fact for policies (for example "escalate prompts not in a supported
 * language"), not a harm. Texts shorter than {@code min-characters} get no finding: a few letters say
 * too little about a language.
 */
// @Singleton, not @ApplicationScoped: a normal-scoped bean gets a client proxy that runs this public
// no-argument constructor too, which loaded the language model a second time at start-up.
@Startup
@Singleton
public class LanguageRail implements Rail<LanguageRail.Settings> {

    public static final String ID = "language";
    /** What the policy's text statistics say when no language finding exists. */
    public static final String UNDETERMINED = "und";

    /**
     * @param minCharacters shorter texts get no finding
     * @param maxCharacters only the start of a long text is read, which bounds the cost
     */
    public record Settings(Integer minCharacters, Integer maxCharacters) {
        public Settings {
            minCharacters = minCharacters == null ? 12 : minCharacters;
            maxCharacters = maxCharacters == null ? 1000 : maxCharacters;
        }
    }

    private final LanguageIdentifier identifier;

    public LanguageRail() {
        this(LanguageIdentifier.fromClassPath());
    }

    LanguageRail(LanguageIdentifier identifier) {
        this.identifier = identifier;
    }

    /** How far the best language must lead the runner-up (p1 / (p1 + p2)) before policies treat it as known. */
    public static final double CONFIDENT = 0.6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void validate(Settings settings) {
        if (settings.minCharacters() < 0 || settings.maxCharacters() < 1) {
            throw new IllegalArgumentException("min-characters must be >= 0 and max-characters >= 1");
        }
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        LanguageIdentifier.Guess guess = guess(input.analysis(), settings);
        if (UNDETERMINED.equals(guess.code())) {
            return List.of();
        }
        return List.of(new Finding(ID, guess.code(), guess.confidence(), List.of(), "opennlp-langdetect"));
    }

    /** The reading with the default settings, which the shipped configurations use: made once per text. */
    private static final TextAnalysis.Key<LanguageIdentifier.Guess> DEFAULT_GUESS =
            new TextAnalysis.Key<>("language-guess", LanguageIdentifier.Guess.class);
    private static final Settings DEFAULTS = new Settings(null, null);
    /** "Too short to read": undetermined, with no confidence. */
    private static final LanguageIdentifier.Guess TOO_SHORT = new LanguageIdentifier.Guess(UNDETERMINED, 0.0);

    /** The detector's guess, or {@link #TOO_SHORT} (undetermined) when the text is shorter than {@code min-characters}. */
    private LanguageIdentifier.Guess guess(TextAnalysis analysis, Settings settings) {
        return settings.equals(DEFAULTS) ? analysis.get(DEFAULT_GUESS, ignored -> read(analysis, settings)) : read(analysis, settings);
    }

    private LanguageIdentifier.Guess read(TextAnalysis analysis, Settings settings) {
        String text = Deobfuscation.text(analysis).strip();
        if (text.length() < settings.minCharacters()) {
            return TOO_SHORT;
        }
        return identifier.identify(text, settings.maxCharacters());
    }

    /**
     * The language of a text when the detector is confident of it ({@value #CONFIDENT}), else
     * {@value #UNDETERMINED}; read with the default settings. For rails that act on the language
     * themselves (the model judge skips languages the cheaper tiers read well).
     */
    public String confidentLanguage(TextAnalysis analysis) {
        LanguageIdentifier.Guess guess = guess(analysis, DEFAULTS);
        return guess.confidence() >= CONFIDENT ? guess.code() : UNDETERMINED;
    }

    /** The language named by the findings of a stage, or {@value #UNDETERMINED}; for the policy's text statistics. */
    public static String languageOf(List<Finding> findings) {
        return findings.stream().filter(f -> ID.equals(f.rail()) && f.score() >= CONFIDENT)
                .map(Finding::category).findFirst().orElse(UNDETERMINED);
    }
}
