package dev.parapet.generation.triton;

import dev.parapet.generation.triton.proto.ModelInferRequest;
import io.grpc.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks Triton makes on an inference request before the model sees it, as the fake makes them. */
final class RequestCheck {

    private RequestCheck() {}

    /** Null when the request is acceptable, else the INVALID_ARGUMENT (or NOT_FOUND) status Triton would answer. */
    static Status check(FakeModels.ModelSpec m, ModelInferRequest request) {
        if (!request.getModelName().equals(m.name())) {
            return Status.NOT_FOUND.withDescription("Request for unknown model: '" + request.getModelName() + "' is not found");
        }
        boolean raw = request.getRawInputContentsCount() > 0;
        if (raw && request.getRawInputContentsCount() != request.getInputsCount()) {
            return invalid("expected " + request.getInputsCount() + " raw_input_contents, got " + request.getRawInputContentsCount());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor t = request.getInputs(i);
            if (raw && t.hasContents()) {
                return invalid("contents field must not be specified when using raw_input_contents for '" + t.getName() + "'");
            }
            FakeModels.Declared d = m.input(t.getName());
            if (d == null) {
                return invalid("unexpected inference input '" + t.getName() + "' for model '" + m.name() + "'");
            }
            if (!seen.add(t.getName())) {
                return invalid("input '" + t.getName() + "' given twice");
            }
            if (!d.datatype().equals(t.getDatatype())) {
                return invalid("inference input '" + t.getName() + "' data-type is '" + t.getDatatype() + "', but model expects '" + d.datatype() + "'");
            }
            List<Long> shape = t.getShapeList();
            if (shape.size() != d.shape().size()) {
                return invalid("unexpected shape for input '" + t.getName() + "': " + shape + ", model expects " + d.shape());
            }
            long elements = 1;
            for (int k = 0; k < shape.size(); k++) {
                long want = d.shape().get(k);
                if (shape.get(k) < 0 || (want >= 0 && want != shape.get(k))) {
                    return invalid("unexpected shape for input '" + t.getName() + "': " + shape + ", model expects " + d.shape());
                }
                elements *= shape.get(k);
            }
            try {
                int count = ReceivedRequest.decode(t.getDatatype(), raw ? request.getRawInputContents(i).toByteArray() : new byte[0]).size();
                if (count != elements) {
                    return invalid("input '" + t.getName() + "' has " + count + " elements, shape " + shape + " needs " + elements);
                }
            } catch (IllegalArgumentException e) {
                return invalid("input '" + t.getName() + "': " + e.getMessage());
            }
        }
        for (FakeModels.Declared d : m.inputs()) {
            if (!d.optional() && !seen.contains(d.name())) {
                return invalid("expected " + d.name() + " input for model '" + m.name() + "'");
            }
        }
        return null;
    }

    private static Status invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription("[request id: " + "] " + message);
    }
}
