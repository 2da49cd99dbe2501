package dev.parapet.generation.triton;

import static dev.parapet.generation.triton.TritonGeneratorNemoTest.assertTensor;
import static dev.parapet.generation.triton.TritonGeneratorNemoTest.plain;
import static dev.parapet.generation.triton.TritonGeneratorNemoTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code trtllm} profile against a fake TensorRT-LLM ensemble over a real gRPC socket. */
class TritonGeneratorTrtLlmTest {

    private FakeTriton fake;
    private TritonGenerator generator;

    private void start(FakeModels.ModelSpec model, String... config) {
        fake = new FakeTriton(model);
        generator = new TritonGenerator(TritonTestConfig.of(fake, config));
    }

    @AfterEach
    void stop() {
        generator.close();
        fake.close();
    }

    @Test
    void unaryReplyIsTextOutputWithoutThePrompt() {
        start(FakeModels.trtllm("2025-05"));
        fake.reply("Hi from the ensemble.");
        assertEquals("Hi from the ensemble.", generator.generate(plain()).text());
        ReceivedRequest r = fake.last();
        assertEquals("ModelInfer", r.rpc());
        assertTensor(r, "exclude_input_in_output", "BOOL", List.of(true));
        assertTensor(r, "stream", "BOOL", List.of(false));
        assertEquals(List.of("text_output"), r.raw().getOutputsList().stream().map(o -> o.getName()).toList());
    }

    @Test
    void eachParameterArrivesAsTheDeclaredTensor() {
        start(FakeModels.trtllm("2025-05"));
        generator.generate(request(0.25, 0.5, 7, List.of("END", "###"), 99L));
        ReceivedRequest r = fake.last();
        assertTensor(r, "text_input", "BYTES", List.of(TritonGeneratorNemoTest.PROMPT));
        assertTensor(r, "max_tokens", "INT32", List.of(256L));
        assertTensor(r, "temperature", "FP32", List.of(0.25));
        assertTensor(r, "top_p", "FP32", List.of(0.5));
        assertTensor(r, "top_k", "INT32", List.of(7L));
        assertTensor(r, "seed", "UINT64", List.of(99L));
        assertTensor(r, "stop_words", "BYTES", List.of("END", "###", "<extra_id_1>"));
        assertFalse(r.inputs().containsKey("bad_words"), "optional bad_words is not sent");
        assertFalse(r.inputs().containsKey("random_seed"));
    }

    @Test
    void olderReleaseGetsRandomSeedAndHasItsEchoedPromptCut() {
        start(FakeModels.trtllm("0.12"));
        fake.reply("Answer.");
        assertEquals("Answer.", generator.generate(request(null, null, null, List.of(), 5L)).text());
        ReceivedRequest r = fake.last();
        assertTensor(r, "random_seed", "UINT64", List.of(5L));
        assertFalse(r.inputs().containsKey("exclude_input_in_output"));
    }

    @Test
    void release05GetsUnsignedIntegersAndTheRequiredWordLists() {
        start(FakeModels.trtllm("0.5"));
        fake.reply("Old but fine.");
        assertEquals("Old but fine.", generator.generate(request(null, null, 3, List.of(), null)).text());
        ReceivedRequest r = fake.last();
        assertTensor(r, "max_tokens", "UINT32", List.of(256L));
        assertTensor(r, "top_k", "UINT32", List.of(3L));
        assertTensor(r, "bad_words", "BYTES", List.of(""));
        assertTensor(r, "stop_words", "BYTES", List.of("<extra_id_1>"));
    }

    @Test
    void streamsDeltasUntilTheFinalResponse() {
        start(FakeModels.trtllm("2025-05").decoupled(true));
        fake.chunks("The ", "answer ", "is ", "42.");
        List<String> deltas = generator.stream(plain()).map(GenerationChunk::delta).collect().asList().await().indefinitely();
        assertEquals(List.of("The ", "answer ", "is ", "42."), deltas);
        ReceivedRequest r = fake.last();
        assertEquals("ModelStreamInfer", r.rpc());
        assertTensor(r, "stream", "BOOL", List.of(true));
        assertTrue(r.parameter("triton_enable_empty_final_response").getBoolParam());
    }

    @Test
    void streamFromAnEchoingReleaseDropsThePrompt() {
        start(FakeModels.trtllm("0.12").decoupled(true));
        fake.chunks("Only ", "this.");
        String text = String.join("", generator.stream(plain()).map(GenerationChunk::delta).collect().asList().await().indefinitely());
        assertEquals("Only this.", text);
    }

    @Test
    void streamOverACoupledModelAnswersOnceWithStreamFalse() {
        start(FakeModels.trtllm("2025-05"));
        fake.chunks("Whole ", "reply.");
        List<String> deltas = generator.stream(plain()).map(GenerationChunk::delta).collect().asList().await().indefinitely();
        assertEquals(List.of("Whole reply."), deltas);
        assertTensor(fake.last(), "stream", "BOOL", List.of(false));
    }

    @Test
    void modelRejectionIsAModelError() {
        start(FakeModels.trtllm("2025-05"));
        fake.fault(FakeTriton.Fault.MODEL_ERROR, 1);
        assertThrows(GenerationException.ModelError.class, () -> generator.generate(plain()));
    }

    @Test
    void requiredInputTheProfileCannotFillFailsBeforeSending() {
        List<FakeModels.Declared> inputs = new java.util.ArrayList<>(FakeModels.trtllm("2025-05").inputs());
        inputs.add(new FakeModels.Declared("image_input", "FP16", List.of(-1L, -1L), false));
        start(new FakeModels.ModelSpec("ensemble", "trtllm", "custom", inputs, "text_output", false));
        GenerationException e = assertThrows(GenerationException.ModelError.class, () -> generator.generate(plain()));
        assertTrue(e.getMessage().contains("image_input"), e.getMessage());
        assertTrue(fake.received().isEmpty(), "nothing was sent");
    }
}
