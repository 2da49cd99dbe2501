package dev.parapet.policy;

import dev.parapet.rails.Finding;
import java.util.List;
import java.util.Set;

/**
 * The one context fact of a decision: which stage, for whom, under which configuration, and plain
 * statistics of the text (never the text itself). Rules read it as
 * {@code RequestFact(stage == "input", tenant == "acme-health")}.
 */
public final class RequestFact {

    private static final String LANGUAGE_RAIL = "language";

    private final String stage;
    private final String tenant;
    private final String config;
    private final String caller;
    private final Set<String> roles;
    private final int characters;
    private final int words;
    private final int turns;
    private final String language;
    private final String likelyLanguage;
    private final List<String> askable;

    public RequestFact(PolicyInput input) {
        this.stage = input.stage().wireName();
        this.tenant = input.context().tenant();
        this.config = input.context().configName();
        this.caller = input.context().caller();
        this.roles = input.context().roles();
        this.characters = input.stats().characters();
        this.words = input.stats().words();
        this.turns = input.stats().turns();
        this.language = language(input, dev.parapet.rails.LanguageRail.CONFIDENT);
        this.likelyLanguage = language(input, 0);
        this.askable = input.askable();
    }

    // The text statistics do not detect the language; the language rail does, when it runs. The
    // language rail's best guess counts from minScore.
    private static String language(PolicyInput input, double minScore) {
        String known = input.stats().language();
        if (known != null && !known.isBlank() && !"und".equals(known)) {
            return known;
        }
        Finding best = null;
        for (Finding f : input.findings()) {
            if (LANGUAGE_RAIL.equals(f.rail()) && f.score() >= minScore
                    && (best == null || f.score() > best.score())) {
                best = f;
            }
        }
        return best == null ? "und" : best.category();
    }

    /** {@code input} (the user's prompt) or {@code output} (the model's reply). */
    public String getStage() {
        return stage;
    }

    public String getTenant() {
        return tenant;
    }

    /** The guard configuration (rails/NAME.yaml) the request runs under. */
    public String getConfig() {
        return config;
    }

    public String getCaller() {
        return caller;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public int getCharacters() {
        return characters;
    }

    public int getWords() {
        return words;
    }

    /** How many user turns the conversation has (1 at the output stage). */
    public int getTurns() {
        return turns;
    }

    /** ISO 639-3 code of the text's language, {@code und} when unknown. */
    public String getLanguage() {
        return language;
    }

    /**
     * The language detector's best guess however unsure, {@code und} when nothing was detected. Why beside
     * {@link #getLanguage()}: a short Spanish prompt read at 0.55 is undetermined there, yet lines tuned on
     * English should not read it as English.
     */
    public String getLikelyLanguage() {
        return likelyLanguage;
    }

    /**
     * Whether a rule can ask the rail {@code railId} for its opinion: the configuration holds it back at
     * this stage ({@code when: asked}). A rule that asks guards itself with this, so it does not fire under
     * configurations without the rail: {@code RequestFact(canAsk("guard-model"))}. The rail is asked at
     * most once per stage; the rule fires again in the decision that reads its answer.
     */
    public boolean canAsk(String railId) {
        return askable.contains(railId);
    }

    /** The rails a rule can ask at this stage (see {@link #canAsk(String)}). */
    public List<String> getAskable() {
        return askable;
    }

    @Override
    public String toString() {
        return "RequestFact[" + stage + ", tenant=" + tenant + ", config=" + config + "]";
    }
}
