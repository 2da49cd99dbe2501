package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import java.util.List;

/**
 * A TensorRT-LLM backend {@code ensemble} or {@code tensorrt_llm_bls} model: input {@code text_input}
 * and sampling tensors, output {@code text_output}. Streams are deltas. Where the model declares
 * {@code exclude_input_in_output} we ask it not to echo the prompt; older models echo it, so a leading
 * copy of the prompt is cut off here.
 */
final class TrtLlmProfile implements TritonModelProfile {

    static final String NAME = "trtllm";
    private static final String OUTPUT = "text_output";

    private final String model;
    private final String version;

    TrtLlmProfile(String model, String version) {
        this.model = model;
        this.version = version;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelInferRequest request(GenerationRequest r, ModelSignature signature, boolean overStream) {
        InferRequestBuilder b = new InferRequestBuilder(signature, model, version, r.requestId())
                .required("text_input", List.of(r.prompt()))
                .required("max_tokens", List.of(r.maxTokens()))
                .input("stop_words", TritonModelProfile.stopWords(r))
                .input("exclude_input_in_output", List.of(true))
                .output(OUTPUT);
        if (signature.requires("bad_words")) {
            // Backends up to v0.5 require bad_words; an empty word bans nothing.
            b.input("bad_words", List.of(""));
        }
        if (signature.declares("stream")) {
            // Streaming needs a decoupled model; a coupled one answers once over the stream RPC.
            b.input("stream", List.of(overStream && signature.decoupled()));
        }
        if (r.temperature() != null) {
            b.input("temperature", List.of(r.temperature()));
        }
        if (r.topP() != null) {
            b.input("top_p", List.of(r.topP()));
        }
        if (r.topK() != null) {
            b.input("top_k", List.of(r.topK()));
        }
        if (r.seed() != null) {
            b.input(signature.declares("seed") ? "seed" : "random_seed", List.of(r.seed()));
        }
        if (overStream) {
            b.parameter("triton_enable_empty_final_response", true);
        }
        return b.build();
    }

    @Override
    public String unaryText(ModelInferResponse response, GenerationRequest request, ModelSignature signature) {
        String text = TritonModelProfile.outputText(response, OUTPUT);
        if (text == null) {
            throw new GenerationException.ModelError("Response has no '" + OUTPUT + "' output", null);
        }
        boolean mayEcho = !signature.declares("exclude_input_in_output");
        return mayEcho && text.startsWith(request.prompt()) ? text.substring(request.prompt().length()) : text;
    }

    @Override
    public StreamDecoder streamDecoder(GenerationRequest request, ModelSignature signature) {
        if (signature.declares("exclude_input_in_output")) {
            return response -> {
                String text = TritonModelProfile.outputText(response, OUTPUT);
                return text == null ? "" : text;
            };
        }
        return new EchoStripper(request.prompt());
    }

    /** Holds back streamed text while it could still be the echoed prompt, then drops the echo. */
    static final class EchoStripper implements StreamDecoder {
        private final String prompt;
        private final StringBuilder held = new StringBuilder();
        private boolean decided;

        EchoStripper(String prompt) {
            this.prompt = prompt;
        }

        @Override
        public String delta(ModelInferResponse response) {
            String text = TritonModelProfile.outputText(response, OUTPUT);
            if (text == null || text.isEmpty()) {
                return "";
            }
            if (decided) {
                return text;
            }
            held.append(text);
            if (held.length() < prompt.length() && prompt.startsWith(held.toString())) {
                return "";
            }
            decided = true;
            String all = held.toString();
            held.setLength(0);
            return all.startsWith(prompt) ? all.substring(prompt.length()) : all;
        }
    }
}
