package dev.parapet.generation.triton;

import java.util.ArrayList;
import java.util.List;

/**
 * The model interfaces the fake Triton can serve, one per release whose inputs differ, written from the
 * protocol fact sheet (../shared/docs/TRITON-PROTOCOL.md §3 and §4). Shapes are as ModelMetadata reports
 * them: with the leading batch dimension -1, since both NeMo's and TRT-LLM's models batch.
 */
public final class FakeModels {

    /** One declared input. {@code optional} is what the model config says (ModelConfig RPC). */
    public record Declared(String name, String datatype, List<Long> shape, boolean optional) {}

    /** A served model: its name, which profile it follows, its inputs, its text output, decoupled or not. */
    public record ModelSpec(String name, String profile, String release, List<Declared> inputs, String output,
                            boolean decoupled) {
        public ModelSpec {
            inputs = List.copyOf(inputs);
        }

        public ModelSpec decoupled(boolean value) {
            return new ModelSpec(name, profile, release, inputs, output, value);
        }

        public ModelSpec named(String value) {
            return new ModelSpec(value, profile, release, inputs, output, decoupled);
        }

        public Declared input(String input) {
            return inputs.stream().filter(d -> d.name().equals(input)).findFirst().orElse(null);
        }
    }

    private static final List<Long> ROW = List.of(-1L, -1L);
    private static final List<Long> ONE = List.of(-1L, 1L);

    private FakeModels() {}

    /**
     * NeMo deploy_triton.py releases: {@code pre-rename} (up to v2.0.0rc0, {@code max_output_token}),
     * {@code 2.0} ({@code max_output_len}), {@code 2.1} (+ required {@code output_generation_logits}),
     * {@code 2.2} (+ required {@code output_context_logits}).
     */
    public static ModelSpec nemo(String release) {
        List<Declared> in = new ArrayList<>();
        in.add(new Declared("prompts", "BYTES", ROW, false));
        in.add(new Declared("pre-rename".equals(release) ? "max_output_token" : "max_output_len", "INT64", ROW, true));
        in.add(new Declared("top_k", "INT64", ROW, true));
        in.add(new Declared("top_p", "FP32", ROW, true));
        in.add(new Declared("temperature", "FP32", ROW, true));
        in.add(new Declared("random_seed", "INT64", ROW, true));
        in.add(new Declared("stop_words_list", "BYTES", ROW, true));
        in.add(new Declared("bad_words_list", "BYTES", ROW, true));
        in.add(new Declared("no_repeat_ngram_size", "FP32", ROW, true));
        in.add(new Declared("task_id", "BYTES", ROW, true));
        if ("2.1".equals(release) || "2.2".equals(release)) {
            in.add(new Declared("output_generation_logits", "BOOL", ROW, false));
        }
        if ("2.2".equals(release)) {
            in.add(new Declared("output_context_logits", "BOOL", ROW, false));
        }
        if (!List.of("pre-rename", "2.0", "2.1", "2.2").contains(release)) {
            throw new IllegalArgumentException("unknown NeMo release " + release);
        }
        return new ModelSpec("Llama3-70B-PPO-Chat", "nemo", release, in, "outputs", false);
    }

    /**
     * TensorRT-LLM backend ensemble releases: {@code 0.5} (UINT32 integers, bad_words and stop_words
     * required, dims [-1]), {@code 0.12} (INT32, optional word lists, dims [1]), {@code 2024-11}
     * (+ {@code exclude_input_in_output}), {@code 2025-05} ({@code random_seed} renamed {@code seed},
     * {@code min_length} renamed {@code min_tokens}).
     */
    public static ModelSpec trtllm(String release) {
        boolean v05 = "0.5".equals(release);
        boolean latest = "2025-05".equals(release);
        String integer = v05 ? "UINT32" : "INT32";
        List<Long> scalar = v05 ? ROW : ONE;
        List<Declared> in = new ArrayList<>();
        in.add(new Declared("text_input", "BYTES", scalar, false));
        in.add(new Declared("max_tokens", integer, scalar, false));
        in.add(new Declared("bad_words", "BYTES", ROW, !v05));
        in.add(new Declared("stop_words", "BYTES", ROW, !v05));
        in.add(new Declared("end_id", integer, ONE, true));
        in.add(new Declared("pad_id", integer, ONE, true));
        in.add(new Declared("top_k", integer, ONE, true));
        in.add(new Declared("top_p", "FP32", ONE, true));
        in.add(new Declared("temperature", "FP32", ONE, true));
        in.add(new Declared("length_penalty", "FP32", ONE, true));
        in.add(new Declared("repetition_penalty", "FP32", ONE, true));
        in.add(new Declared(latest ? "min_tokens" : "min_length", integer, ONE, true));
        in.add(new Declared("presence_penalty", "FP32", ONE, true));
        in.add(new Declared(latest ? "seed" : "random_seed", "UINT64", ONE, true));
        in.add(new Declared("return_log_probs", "BOOL", ONE, true));
        in.add(new Declared("beam_width", integer, ONE, true));
        in.add(new Declared("stream", "BOOL", ONE, true));
        if ("2024-11".equals(release) || latest) {
            in.add(new Declared("exclude_input_in_output", "BOOL", ONE, true));
        }
        if (!List.of("0.5", "0.12", "2024-11", "2025-05").contains(release)) {
            throw new IllegalArgumentException("unknown TRT-LLM release " + release);
        }
        return new ModelSpec("ensemble", "trtllm", release, in, "text_output", false);
    }
}
