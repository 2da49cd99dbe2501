package dev.parapet.classify;

import dev.parapet.rails.Finding;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The four lexical rails (toxicity, bias, acceptable use, jailbreak) over one 1,000-character text, as the
 * pipeline runs them for one request: a fresh {@link RailInput} per text, so tokens are computed once and
 * shared by the four rails. Budget: p99 at most 1 ms per 1,000 characters (issue 5). At 3,000 characters the
 * jailbreak rail reads the text passage by passage ({@link Passages}), which this measures too.
 *
 * <pre>
 * ./mvnw -B -Pbench verify -Djmh.args="LexicalTierBenchmark -f 1 -wi 2 -i 3"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LexicalTierBenchmark {

    /** Written by the Parapet team: an ordinary request with a few words the rails look at. */
    static final String PARAGRAPH = "I'm preparing a workshop for new engineers about keeping our services healthy. "
            + "Could you explain how to kill a stuck Java process safely, what to check in the logs first, and how "
            + "to tell a memory leak from a slow database? Please also suggest a short checklist for on-call staff, "
            + "ignoring the parts about the old monitoring system we already retired. ";

    /**
     * Written by the Parapet team: an ordinary Spanish request full of the words many of the lexicon's
     * phrases in other languages start with ("cómo", "como", "que", "quiero"), the lexicon's worst case.
     */
    static final String PARRAFO = "Quiero preparar un taller para ingenieros nuevos sobre cómo mantener sanos nuestros "
            + "servicios. ¿Cómo puedo explicar como se detiene un proceso de Java bloqueado, qué hay que mirar primero en "
            + "los registros y cómo distinguir una fuga de memoria de una base de datos lenta? Quiero también una lista "
            + "corta para el personal de guardia, como la que usamos el año pasado, que no hable del sistema antiguo. ";

    /** Which paragraph fills the text: English, or Spanish for the phrases in other languages. */
    @org.openjdk.jmh.annotations.Param({"en", "es"})
    public String language;

    /** 1,000 characters (one prompt), or 3,000 (a pasted document, read in passages). */
    @org.openjdk.jmh.annotations.Param({"1000", "3000"})
    public int characters;

    private LexicalModels models;
    private ToxicityRail toxicity;
    private BiasRail bias;
    private AcceptableUseRail acceptableUse;
    private JailbreakRail jailbreak;
    private String text;

    @Setup
    public void setUp() {
        models = new LexicalModels(Path.of("classifiers"));
        toxicity = new ToxicityRail(models);
        bias = new BiasRail(models);
        acceptableUse = new AcceptableUseRail(models);
        jailbreak = new JailbreakRail(models);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < characters) {
            sb.append(language.equals("es") ? PARRAFO : PARAGRAPH);
        }
        text = sb.substring(0, characters);
    }

    @Benchmark
    public List<Finding> fourLexicalRails() {
        RailInput input = new RailInput(Stage.INPUT, text, RequestContext.offline("bench"));
        List<Finding> findings = new ArrayList<>();
        findings.addAll(toxicity.check(input, new ToxicityRail.Settings(List.of())));
        findings.addAll(bias.check(input, new BiasRail.Settings(List.of())));
        findings.addAll(acceptableUse.check(input, new AcceptableUseRail.Settings(List.of())));
        findings.addAll(jailbreak.check(input, new JailbreakRail.Settings(List.of())));
        return findings;
    }
}
