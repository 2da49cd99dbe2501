package dev.parapet.generation.triton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code nemo} profile against a fake NeMo deployment over a real gRPC socket. */
class TritonGeneratorNemoTest {

    static final String PROMPT = "<extra_id_0>System\n\n<extra_id_1>User\nSay hello (our own example)\n<extra_id_1>Assistant\n";

    private FakeTriton fake;
    private TritonGenerator generator;

    private TritonGenerator start(FakeModels.ModelSpec model, String... config) {
        fake = new FakeTriton(model);
        generator = new TritonGenerator(TritonTestConfig.of(fake, config));
        return generator;
    }

    @AfterEach
    void stop() {
        if (generator != null) {
            generator.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    static GenerationRequest request(Double temperature, Double topP, Integer topK, List<String> stop, Long seed) {
        return new GenerationRequest("req-1", PROMPT, List.of(), 256, temperature, topP, topK, stop, seed);
    }

    static GenerationRequest plain() {
        return request(null, null, null, List.of(), null);
    }

    @Test
    void unaryReplyIsTheOutputsTensor() {
        start(FakeModels.nemo("2.2"));
        fake.reply("Hello there.");
        assertEquals("Hello there.", generator.generate(plain()).text());
        assertEquals("ModelInfer", fake.last().rpc());
        assertEquals(List.of("outputs"), fake.last().raw().getOutputsList().stream().map(o -> o.getName()).toList());
    }

    @Test
    void eachParameterArrivesAsTheDeclaredTensor() {
        start(FakeModels.nemo("2.2"));
        generator.generate(request(0.7, 0.9, 40, List.of("###"), 123L));
        ReceivedRequest r = fake.last();
        assertTensor(r, "prompts", "BYTES", List.of(PROMPT));
        assertTensor(r, "max_output_len", "INT64", List.of(256L));
        assertTensor(r, "temperature", "FP32", List.of((double) 0.7f));
        assertTensor(r, "top_p", "FP32", List.of((double) 0.9f));
        assertTensor(r, "top_k", "INT64", List.of(40L));
        assertTensor(r, "random_seed", "INT64", List.of(123L));
        assertTensor(r, "output_context_logits", "BOOL", List.of(false));
        assertTensor(r, "output_generation_logits", "BOOL", List.of(false));
        ReceivedRequest.Tensor stop = r.input("stop_words_list");
        assertEquals("BYTES", stop.datatype());
        assertEquals(List.of(1L, 2L), stop.shape());
        assertEquals(List.of("###", "<extra_id_1>"), stop.values());
    }

    @Test
    void unsetSamplingParametersAreNotSent() {
        start(FakeModels.nemo("2.2"));
        generator.generate(plain());
        Set<String> sent = fake.last().inputs().keySet();
        assertFalse(sent.contains("temperature"));
        assertFalse(sent.contains("top_p"));
        assertFalse(sent.contains("top_k"));
        assertFalse(sent.contains("random_seed"));
        assertEquals(List.of("<extra_id_1>"), fake.last().input("stop_words_list").values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pre-rename", "2.0", "2.1", "2.2"})
    void sendsExactlyTheInputsEachReleaseDeclares(String release) {
        start(FakeModels.nemo(release));
        fake.reply("ok");
        assertEquals("ok", generator.generate(request(0.5, null, null, List.of(), null)).text());
        Set<String> expected = new java.util.TreeSet<>(Set.of("prompts", "stop_words_list", "temperature"));
        expected.add("pre-rename".equals(release) ? "max_output_token" : "max_output_len");
        if (release.equals("2.1") || release.equals("2.2")) {
            expected.add("output_generation_logits");
        }
        if (release.equals("2.2")) {
            expected.add("output_context_logits");
        }
        assertEquals(expected, new java.util.TreeSet<>(fake.last().inputs().keySet()));
    }

    @Test
    void worksWithoutTheModelConfigExtension() {
        start(FakeModels.nemo("2.1"));
        fake.modelConfigRpc(false).reply("still fine");
        assertEquals("still fine", generator.generate(plain()).text());
    }

    @Test
    void cumulativeStreamBecomesDeltas() {
        start(FakeModels.nemo("2.2").decoupled(true));
        fake.chunks("Hel", "lo, ", "world", ".");
        List<String> deltas = generator.stream(plain()).map(GenerationChunk::delta).collect().asList().await().indefinitely();
        assertEquals(List.of("Hel", "lo, ", "world", "."), deltas);
        ReceivedRequest r = fake.last();
        assertEquals("ModelStreamInfer", r.rpc());
        assertTrue(r.parameter("triton_enable_empty_final_response").getBoolParam());
    }

    @Test
    void unaryCallToDecoupledModelGoesOverTheStream() {
        start(FakeModels.nemo("2.2").decoupled(true));
        fake.chunks("One ", "two.");
        assertEquals("One two.", generator.generate(plain()).text());
        assertEquals(Set.of("ModelStreamInfer"), fake.received().stream().map(ReceivedRequest::rpc).collect(Collectors.toSet()));
    }

    @Test
    void errorTextFromTheModelIsAModelErrorNotAReply() {
        start(FakeModels.nemo("2.2"));
        fake.fault(FakeTriton.Fault.MODEL_ERROR, 1);
        GenerationException e = assertThrows(GenerationException.ModelError.class, () -> generator.generate(plain()));
        assertFalse(e.getMessage().contains("fake failure"), "error text may quote inputs and is not passed on");
    }

    @Test
    void errorTextInAStreamFailsTheStream() {
        start(FakeModels.nemo("2.2").decoupled(true));
        fake.fault(FakeTriton.Fault.MODEL_ERROR, 1);
        assertThrows(GenerationException.ModelError.class,
                () -> generator.stream(plain()).collect().asList().await().indefinitely());
    }

    @Test
    void wrongModelNameIsAModelErrorBeforeAnyInference() {
        start(FakeModels.nemo("2.2").named("other-model"));
        generator.close();
        generator = new TritonGenerator(TritonTestConfig.of(fake, "model", "Llama3-70B-PPO-Chat"));
        assertThrows(GenerationException.ModelError.class, () -> generator.generate(plain()));
        assertTrue(fake.received().isEmpty());
    }

    static void assertTensor(ReceivedRequest r, String name, String datatype, List<Object> values) {
        ReceivedRequest.Tensor t = r.input(name);
        assertTrue(t != null, name + " was not sent; sent: " + r.inputs().keySet());
        assertEquals(datatype, t.datatype(), name + " datatype");
        assertEquals(List.of(1L, (long) values.size()), t.shape(), name + " shape");
        assertEquals(values, t.values(), name + " values");
    }
}
