package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import java.util.List;

/**
 * A model served by NeMo's {@code deploy_triton.py} (PyTriton over a TensorRT-LLM engine): input
 * {@code prompts}, output {@code outputs}. The inputs differ between NeMo releases (the token limit was
 * renamed from {@code max_output_token} to {@code max_output_len}; 2.1 and 2.2 added logits flags that
 * must be sent), so the request follows the model's declared inputs. NeMo catches model failures and
 * returns them as output text starting {@code An error occurred:}; that text is an error, never a reply.
 * Streamed responses carry the whole text so far, which is turned into deltas here.
 */
final class NemoProfile implements TritonModelProfile {

    static final String NAME = "nemo";
    static final String ERROR_PREFIX = "An error occurred:";
    private static final String OUTPUT = "outputs";

    private final String model;
    private final String version;

    NemoProfile(String model, String version) {
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
                .required("prompts", List.of(r.prompt()))
                .input(signature.declares("max_output_len") ? "max_output_len" : "max_output_token", List.of(r.maxTokens()))
                .input("stop_words_list", TritonModelProfile.stopWords(r))
                // Declared (and required) from NeMo 2.1 / 2.2 on; we never want logits back.
                .input("output_generation_logits", List.of(false))
                .input("output_context_logits", List.of(false))
                .output(OUTPUT);
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
            b.input("random_seed", List.of(r.seed()));
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
        return checked(text);
    }

    @Override
    public StreamDecoder streamDecoder(GenerationRequest request, ModelSignature signature) {
        return new StreamDecoder() {
            private String sofar = "";

            @Override
            public String delta(ModelInferResponse response) {
                String text = TritonModelProfile.outputText(response, OUTPUT);
                if (text == null) {
                    return "";
                }
                checked(text);
                if (!text.startsWith(sofar)) {
                    // Text already handed on cannot be taken back; a rewrite is a broken stream.
                    throw new GenerationException.ModelError("Streamed text rewrote earlier output ("
                            + sofar.length() + " chars sent, new text of " + text.length() + " chars does not extend it)", null);
                }
                String delta = text.substring(sofar.length());
                sofar = text;
                return delta;
            }
        };
    }

    private static String checked(String text) {
        if (text.startsWith(ERROR_PREFIX)) {
            // The message may quote inputs; keep only its size.
            throw new GenerationException.ModelError("NeMo reported an error inside the model (" + text.length()
                    + " chars of error text)", null);
        }
        return text;
    }
}
