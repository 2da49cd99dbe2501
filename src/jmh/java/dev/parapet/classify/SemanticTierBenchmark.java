package dev.parapet.classify;

import dev.parapet.classify.semantic.EmbeddingService;
import dev.parapet.classify.semantic.SemanticHeads;
import dev.parapet.rails.ConfiguredRail;
import dev.parapet.rails.Finding;
import dev.parapet.rails.LanguageRail;
import dev.parapet.rails.ObfuscationRail;
import dev.parapet.rails.PiiRail;
import dev.parapet.rails.RailConfiguration;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.PhraseListRail;
import dev.parapet.rails.RailPipeline;
import dev.parapet.rails.TokenLengthRail;
import dev.parapet.rails.RailsConfig;
import dev.parapet.rails.SemanticAcceptableUseRail;
import dev.parapet.rails.SemanticHeadRail;
import dev.parapet.rails.SemanticJailbreakRail;
import dev.parapet.rails.SemanticNearestHarmfulRail;
import dev.parapet.rails.SemanticToxicityRail;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The semantic tier with the pattern rails on a 1,000-character prompt: one MiniLM embedding, all three
 * heads and the nearest harmful example, pii, language and obfuscation. Budget: p99 at most 15 ms together with the lexical rails.
 *
 * <pre>./mvnw -B -Pbench verify -Djmh.args="SemanticTierBenchmark -f 1 -wi 2 -i 3"</pre>
 *
 * {@code sequential} runs every rail on one thread (an upper bound); {@code pipeline} runs them as a
 * request does, through {@link RailPipeline} with two threads. Each invocation checks a fresh
 * {@code RailInput}, so nothing memoised carries over between texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The collector the service is started with (README): under G1 p50 was about 1 ms higher (CollectorAdvice).
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SemanticTierBenchmark {

    /** Written by us for this benchmark: an ordinary support request with a mail address and a phone number in it. */
    static final String TEXT = """
            Hello team, I am writing about the quarterly report that our finance department prepared last week. \
            Several numbers in the revenue table do not match the figures from the sales dashboard, and I would like \
            to understand where the difference comes from before the board meeting on Thursday. Could you please \
            explain how the regional totals are calculated, which currency conversion rates were used, and whether \
            refunds issued in the last month are already subtracted? If it helps, I can share the spreadsheet I used \
            for the comparison; it has one sheet per region and a summary tab. Please reply to maria.lopez@example.com \
            or call me at +44 20 7946 0958 in the afternoon. I would also appreciate a short checklist of the steps \
            your team follows when closing the books, so that next quarter we can catch such mismatches earlier. \
            The deadline for the board pack is Wednesday noon. Finally, is there a way to kill the old reporting \
            job that still runs every night? Thanks a lot for your help!""";

    private EmbeddingService embeddings;
    private List<ConfiguredRail> rails;
    private RailPipeline pipeline;
    private RailConfiguration configuration;
    private final RequestContext context = RequestContext.offline("bench");

    @Setup(Level.Trial)
    public void setUp() {
        if (TEXT.length() < 950 || TEXT.length() > 1050) {
            throw new IllegalStateException("benchmark text should be about 1,000 characters, is " + TEXT.length());
        }
        // No cache of recent windows: this benchmark checks the same text every time and would measure hits.
        embeddings = new EmbeddingService(0);
        SemanticHeads heads = new SemanticHeads("classifiers/semantic");
        SemanticHeadRail.Settings semantic = new SemanticHeadRail.Settings(null);
        RailsConfig railsConfig = new RailsConfig() {
            @Override
            public String dir() {
                return "rails";
            }

            @Override
            public int threads() {
                return 2;
            }
        };
        LexicalModels lexical = new LexicalModels(java.nio.file.Path.of("classifiers"));
        PhraseListRail phrases = new PhraseListRail(railsConfig);
        PhraseListRail.Settings lists = new PhraseListRail.Settings(List.of("weapons", "violent-crime", "self-harm", "malware"));
        phrases.validate(lists);
        SemanticNearestHarmfulRail nearest = new SemanticNearestHarmfulRail(embeddings, "classifiers/semantic");
        SemanticNearestHarmfulRail.Settings nearestSettings = new SemanticNearestHarmfulRail.Settings(null, null);
        nearest.validate(nearestSettings);
        // The default configuration's input stage, in its order (rails/default.yaml).
        rails = List.of(
                new ConfiguredRail(new TokenLengthRail(new dev.parapet.prompt.TokenCounter((java.nio.file.Path) null)),
                        new TokenLengthRail.Settings(3072)),
                new ConfiguredRail(phrases, lists),
                new ConfiguredRail(new PiiRail(), new PiiRail.Settings(List.of())),
                new ConfiguredRail(new ObfuscationRail(), new ObfuscationRail.Settings(List.of())),
                new ConfiguredRail(new LanguageRail(), new LanguageRail.Settings(null, null)),
                new ConfiguredRail(new JailbreakRail(lexical), new JailbreakRail.Settings(List.of())),
                new ConfiguredRail(new AcceptableUseRail(lexical), new AcceptableUseRail.Settings(List.of(), null)),
                new ConfiguredRail(new ToxicityRail(lexical), new ToxicityRail.Settings(List.of())),
                new ConfiguredRail(new BiasRail(lexical), new BiasRail.Settings(List.of())),
                new ConfiguredRail(new SemanticAcceptableUseRail(embeddings, heads), semantic),
                new ConfiguredRail(nearest, nearestSettings),
                new ConfiguredRail(new SemanticJailbreakRail(embeddings, heads), semantic),
                new ConfiguredRail(new SemanticToxicityRail(embeddings, heads), semantic));
        configuration = new RailConfiguration("bench", "", rails, List.of(), "bench");
        pipeline = new RailPipeline(railsConfig);
    }

    @Benchmark
    public List<Finding> sequential() {
        RailInput input = new RailInput(Stage.INPUT, TEXT, context);
        List<Finding> findings = new ArrayList<>();
        for (ConfiguredRail rail : rails) {
            findings.addAll(rail.check(input));
        }
        return findings;
    }

    @Benchmark
    public List<Finding> pipeline() {
        return pipeline.run(configuration, new RailInput(Stage.INPUT, TEXT, context));
    }

    /** The MiniLM embedding of the text alone: the floor under the whole stage. */
    @Benchmark
    public float[][] embeddingOnly() {
        return embeddings.embedWindows(TEXT, 3);
    }

    @Benchmark
    public List<Finding> patternRailsOnly() {
        RailInput input = new RailInput(Stage.INPUT, TEXT, context);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            findings.addAll(rails.get(i).check(input));
        }
        return findings;
    }
}
