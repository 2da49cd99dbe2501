package dev.parapet.generation.triton;

import com.google.protobuf.ByteString;
import dev.parapet.generation.triton.proto.InferParameter;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How the fake Triton shapes its answers: text outputs as Triton fills them, prompt echo, stream chunks. */
final class FakeResponses {

    private FakeResponses() {}

    static boolean streamRequested(FakeModels.ModelSpec m, ModelInferRequest request) {
        if ("nemo".equals(m.profile())) {
            return true;
        }
        ReceivedRequest.Tensor stream = ReceivedRequest.decode("", request).input("stream");
        return stream != null && Boolean.TRUE.equals(stream.value());
    }

    /** TRT-LLM models without exclude_input_in_output (or with it false) echo the prompt. */
    static String echo(FakeModels.ModelSpec m, ModelInferRequest request) {
        if (!"trtllm".equals(m.profile())) {
            return "";
        }
        ReceivedRequest r = ReceivedRequest.decode("", request);
        ReceivedRequest.Tensor exclude = r.input("exclude_input_in_output");
        return exclude != null && Boolean.TRUE.equals(exclude.value()) ? "" : (String) r.input("text_input").value();
    }

    static ModelInferResponse text(FakeModels.ModelSpec m, String id, String text, Boolean last) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer raw = ByteBuffer.allocate(4 + utf8.length).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).put(utf8);
        ModelInferResponse.Builder b = ModelInferResponse.newBuilder().setModelName(m.name()).setModelVersion("1").setId(id)
                .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName(m.output()).setDatatype("BYTES").addAllShape(List.of(1L, 1L)))
                .addRawOutputContents(ByteString.copyFrom(raw.array()));
        if (last != null) {
            b.putParameters("triton_final_response", InferParameter.newBuilder().setBoolParam(last).build());
        }
        return b.build();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("(?<= )")));
        return out.isEmpty() ? List.of("") : out;
    }
}
