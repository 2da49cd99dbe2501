package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Triton client's own cost per generation: a unary ModelInfer and a streamed ModelStreamInfer of
 * eight deltas, against the fake Triton on loopback answering instantly. What is measured is our side
 * (request building from the cached signature, tensor encoding, gRPC over HTTP/2 on loopback, decoding,
 * breaker and in-flight bookkeeping) plus the fake's own request checks, which are small; model time is
 * zero by construction.
 *
 * <pre>./mvnw -B -Pbench verify -Djmh.args="TritonClientBenchmark -f 1 -wi 2 -i 3"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TritonClientBenchmark {

    @Param({"trtllm", "nemo"})
    public String profile;

    private FakeTriton coupled;
    private FakeTriton decoupled;
    private TritonGenerator unary;
    private TritonGenerator streaming;
    private GenerationRequest request;

    @Setup(Level.Trial)
    public void start() {
        FakeModels.ModelSpec model = "nemo".equals(profile) ? FakeModels.nemo("2.2") : FakeModels.trtllm("2025-05");
        coupled = new FakeTriton(model).recording(false);
        decoupled = new FakeTriton(model.decoupled(true)).recording(false)
                .chunks("A ", "short ", "scripted ", "reply ", "in ", "eight ", "small ", "deltas.");
        unary = new TritonGenerator(TritonTestConfig.of(coupled, "limits.max-in-flight", "64"));
        streaming = new TritonGenerator(TritonTestConfig.of(decoupled, "limits.max-in-flight", "64"));
        request = new GenerationRequest("bench", "<extra_id_0>System\n\n<extra_id_1>User\nBenchmark prompt written by us.\n<extra_id_1>Assistant\n",
                List.of(), 256, 0.7, 0.9, 40, List.of("###"), 1L);
        // Read the model signature once, as a running gateway has.
        unary.generate(request);
        streaming.stream(request).collect().asList().await().indefinitely();
    }

    @TearDown(Level.Trial)
    public void stop() {
        unary.close();
        streaming.close();
        coupled.close();
        decoupled.close();
    }

    @Benchmark
    public String unaryCall() {
        return unary.generate(request).text();
    }

    @Benchmark
    public List<GenerationChunk> streamedCall() {
        return streaming.stream(request).collect().asList().await().indefinitely();
    }
}
