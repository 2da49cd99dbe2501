package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationException;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import dev.parapet.prompt.PpoChatTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one kind of Triton model deployment takes a generation: which tensors carry the prompt and the
 * parameters, and how its output text reads (whole reply, cumulative stream or deltas).
 */
interface TritonModelProfile {

    /** Turns each streamed response into the text that is new since the previous one. */
    interface StreamDecoder {
        /** The new text; empty when the response adds none (e.g. the empty final response). */
        String delta(ModelInferResponse response);
    }

    /** {@code nemo} or {@code trtllm}, as in {@code parapet.triton.profile}. */
    String name();

    /** @param overStream the call goes over ModelStreamInfer (a stream, or a unary call to a decoupled model) */
    ModelInferRequest request(GenerationRequest request, ModelSignature signature, boolean overStream);

    /** The whole reply of a unary ModelInfer response. */
    String unaryText(ModelInferResponse response, GenerationRequest request, ModelSignature signature);

    StreamDecoder streamDecoder(GenerationRequest request, ModelSignature signature);

    static TritonModelProfile named(String name, String model, String version) {
        switch (name) {
            case NemoProfile.NAME: return new NemoProfile(model, version);
            case TrtLlmProfile.NAME: return new TrtLlmProfile(model, version);
            default: throw new IllegalArgumentException("parapet.triton.profile=" + name + " is neither nemo nor trtllm");
        }
    }

    /** The request's stop strings plus the template's end-of-turn marker, each once. */
    static List<String> stopWords(GenerationRequest request) {
        Set<String> words = new LinkedHashSet<>();
        for (String s : request.stop()) {
            if (!s.isEmpty()) {
                words.add(s);
            }
        }
        words.add(PpoChatTemplate.END_OF_TURN);
        return new ArrayList<>(words);
    }

    /**
     * The first string of a BYTES output, or null when the response has no such output (an empty final
     * response). Reads {@code raw_output_contents} as Triton fills it, or typed contents as other KServe
     * servers may.
     */
    static String outputText(ModelInferResponse response, String output) {
        for (int i = 0; i < response.getOutputsCount(); i++) {
            ModelInferResponse.InferOutputTensor t = response.getOutputs(i);
            if (!t.getName().equals(output)) {
                continue;
            }
            if (!"BYTES".equals(t.getDatatype())) {
                throw new GenerationException.ModelError("Output '" + output + "' is " + t.getDatatype() + ", not BYTES", null);
            }
            List<String> values;
            try {
                values = i < response.getRawOutputContentsCount()
                        ? TensorCodec.decodeStrings(response.getRawOutputContents(i))
                        : t.getContents().getBytesContentsList().stream().map(b -> b.toStringUtf8()).toList();
            } catch (IllegalArgumentException e) {
                throw new GenerationException.ModelError("Output '" + output + "' is malformed: " + e.getMessage(), e);
            }
            return values.isEmpty() ? "" : values.get(0);
        }
        return null;
    }
}
