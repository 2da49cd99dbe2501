package dev.parapet.rails;

import dev.parapet.classify.judge.GuardPrompt;
import dev.parapet.classify.judge.GuardVerdict;
import dev.parapet.classify.judge.HazardCategory;
import dev.parapet.classify.judge.Judge;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.GenerationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model-judge tier: sends the text to a guard model (Llama Guard 3 style, see {@link GuardPrompt})
 * through a {@link Generator} and turns its answer into findings, one per hazard category it names,
 * mapped to our acceptable-use categories ({@code unsafe} when it names none). A "safe" answer gives no
 * finding.
 *
 * <p>Fails closed: a timeout, a generation error or an answer off the format is a {@link RailFailure},
 * so the request gets an error, never unjudged text. A partial text (a streamed reply still growing) is
 * not judged: a judge call costs hundreds of milliseconds, so it runs once over the whole reply.
 *
 * <p>Where the cheaper tiers read the text well, the call can be skipped: with {@code skip-languages:
 * [eng]} only texts not confidently in English are judged. Why: MiniLM and the lexical models read English;
 * a multilingual guard model covers the other languages at the price of a call, paid only where needed.
 *
 * <p>Which model: a guard model of its own on Triton when {@code parapet.judge.model} names one, else the
 * chat model as a self-check through the active backend ({@link Judge}, {@code JudgeProducer}).
 *
 * <p>How often: on every text of its stage, or, marked {@code when: asked} in the configuration, only when
 * a policy rule asks for a second opinion (policies/second-opinion.drl).
 */
@ApplicationScoped
public class GuardModelRail implements Rail<GuardModelRail.Settings> {

    public static final String ID = "guard-model";

    /**
     * @param timeoutMs the longest the judge may take before the rail fails closed
     * @param maxTokens the judge's answer budget ("unsafe\nS1,S9" is a handful of tokens)
     * @param score the score an unsafe verdict carries (the judge gives no probability)
     * @param categories the hazard codes to ask about (S1–S14); empty = all
     * @param skipLanguages ISO 639-3 codes of languages whose texts are not sent to the judge when the
     *                      language detector is confident of them; empty = judge every text
     */
    public record Settings(Long timeoutMs, Integer maxTokens, Double score, List<String> categories,
                           List<String> skipLanguages) {
        public Settings {
            timeoutMs = timeoutMs == null ? 5000L : timeoutMs;
            maxTokens = maxTokens == null ? 16 : maxTokens;
            score = score == null ? 0.9 : score;
            categories = categories == null ? List.of() : List.copyOf(categories);
            skipLanguages = skipLanguages == null ? List.of() : List.copyOf(skipLanguages);
        }

        /** Judges every text in every language. */
        public Settings(Long timeoutMs, Integer maxTokens, Double score, List<String> categories) {
            this(timeoutMs, maxTokens, score, categories, null);
        }

        Set<HazardCategory> hazards() {
            if (categories.isEmpty()) {
                return EnumSet.allOf(HazardCategory.class);
            }
            Set<HazardCategory> set = EnumSet.noneOf(HazardCategory.class);
            for (String code : categories) {
                HazardCategory c = HazardCategory.fromCode(code);
                if (c == null) {
                    throw new IllegalArgumentException("unknown hazard category '" + code + "' (S1 to S14)");
                }
                set.add(c);
            }
            return set;
        }
    }

    private final Judge judge;
    private final LanguageRail languages;
    private final ExecutorService calls;
    private final MeterRegistry meters;

    /** With its own meters (tests). */
    public GuardModelRail(Judge judge, LanguageRail languages) {
        this(judge, languages, new SimpleMeterRegistry());
    }

    /**
     * Every call is timed as {@code parapet.judge.calls} with its outcome ({@code safe}, {@code unsafe},
     * {@code failed}) and who answered ({@code judge}: guard_model or self_check): how often the judge is
     * asked, how long it takes and how often it fails are what an operator of a gateway with a judge watches.
     */
    @Inject
    public GuardModelRail(Judge judge, LanguageRail languages, MeterRegistry meters) {
        this.judge = judge;
        this.languages = languages;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "parapet-guard-model-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        calls.shutdownNow();
    }

    /** Costly: a round trip to the guard model on Triton. */
    @Override
    public boolean costly() {
        return true;
    }

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
        settings.hazards();
        for (String code : settings.skipLanguages()) {
            if (!code.matches("[a-z]{3}")) {
                throw new IllegalArgumentException("skip-languages takes ISO 639-3 codes such as eng or deu, not '" + code + "'");
            }
        }
        if (settings.timeoutMs() < 1 || settings.maxTokens() < 1 || settings.score() < 0 || settings.score() > 1) {
            throw new IllegalArgumentException("timeout-ms and max-tokens must be positive, score in [0, 1]");
        }
    }

    @Override
    public List<Finding> check(RailInput input, Settings settings) {
        if (input.partial()) {
            return List.of();
        }
        if (!settings.skipLanguages().isEmpty()
                && settings.skipLanguages().contains(languages.confidentLanguage(input.analysis()))) {
            return List.of();
        }
        GuardPrompt.Role role = input.stage() == Stage.INPUT ? GuardPrompt.Role.USER : GuardPrompt.Role.AGENT;
        Set<HazardCategory> hazards = settings.hazards();
        GenerationRequest request = judge.request(input.context().requestId() + "-guard", role, input.text(), hazards,
                settings.maxTokens());
        GuardVerdict verdict;
        long started = System.nanoTime();
        try {
            verdict = GuardVerdict.parse(ask(request, settings.timeoutMs()).text());
        } catch (IllegalArgumentException e) {
            timed(started, "failed");
            throw new RailFailure(ID, e.getMessage(), e);
        } catch (RailFailure e) {
            timed(started, "failed");
            throw e;
        }
        timed(started, verdict.safe() ? "safe" : "unsafe");
        if (verdict.safe()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (HazardCategory c : verdict.categories()) {
            if (findings.stream().noneMatch(f -> f.category().equals(c.category()))) {
                findings.add(new Finding(ID, c.category(), settings.score(), List.of(), "judge:" + c.name()));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(ID, "unsafe", settings.score(), List.of(), "judge:unsafe without category"));
        }
        return findings;
    }

    private void timed(long startedNanos, String outcome) {
        Timer.builder("parapet.judge.calls")
                .description("Calls to the guard model, by outcome (safe, unsafe, failed) and by who answered")
                .tag("outcome", outcome)
                .tag("judge", judge.kind().name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private GenerationResult ask(GenerationRequest request, long timeoutMs) {
        Future<GenerationResult> call = calls.submit(() -> judge.generator().generate(request));
        try {
            GenerationResult result = call.get(timeoutMs, TimeUnit.MILLISECONDS);
            if (result == null) {
                throw new RailFailure(ID, "the judge returned nothing");
            }
            return result;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new RailFailure(ID, "the judge did not answer within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new RailFailure(ID, "interrupted while waiting for the judge", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof GenerationException ? cause.getClass().getSimpleName() : String.valueOf(cause);
            throw new RailFailure(ID, "the judge failed: " + what, cause);
        }
    }
}
