package dev.parapet.rails;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Measures one kind of risk in a text. Never blocks and never decides: it returns findings and the
 * policy decides what they mean.
 *
 * <p>Contract, checked by {@link RailPipeline} (a breach fails the request closed, naming the rail):
 * every score lies in [0, 1], every span lies inside the checked text, and {@link Finding#rail()} is
 * this rail's {@link #id()}. A rail is a CDI bean; it must be thread-safe because rails of a stage run
 * concurrently and many requests share one instance.
 *
 * @param <S> the rail's settings, bound from its block in {@code rails/<config>.yaml}
 */
public interface Rail<S extends Record> {

    /** Key of this rail's block in rails/*.yaml; also its name in findings. */
    String id();

    /** The settings record. An unknown key in the YAML block fails the configuration load. */
    Class<S> settingsType();

    /** Stages this rail can run at. */
    default Set<Stage> stages() {
        return EnumSet.allOf(Stage.class);
    }

    /**
     * Checks settings once when a configuration loads (for example that a named list exists), so that
     * a bad file is refused at load time instead of failing requests. Throws IllegalArgumentException.
     */
    default void validate(S settings) {}

    /**
     * Whether one check costs milliseconds (an embedding, a model call) rather than microseconds. The
     * pipeline starts costly rails at once and runs the cheap ones meanwhile (see {@link RailPipeline}),
     * so a stage takes about as long as its slowest rail rather than the sum of its rails.
     */
    default boolean costly() {
        return false;
    }

    /**
     * Whether the costly part of this rail is work it shares with other rails of the stage (the sentence
     * embedding every semantic rail reads from the {@link TextAnalysis}): once one of them has paid for it,
     * the others cost microseconds. The pipeline runs such rails one after another on the request's thread,
     * rather than giving each a pool thread that would only wait for the shared work. Meaningful only for a
     * {@link #costly()} rail; a rail that is costly on its own (a model call) keeps the default.
     */
    default boolean sharesCostlyWork() {
        return false;
    }

    /**
     * Categories this rail reports as cues for the policy to combine with other findings, never as a harm
     * on their own (the acceptable-use rail's {@code evasion}: "without anyone finding out" is a surprise
     * party until something harmful stands beside it). A policy may still name them; an evaluation of the
     * rail alone does not count them as interventions.
     */
    default Set<String> cueCategories() {
        return Set.of();
    }

    /** Throws {@link RailFailure} when it cannot measure; the request then fails closed. */
    List<Finding> check(RailInput input, S settings);
}
