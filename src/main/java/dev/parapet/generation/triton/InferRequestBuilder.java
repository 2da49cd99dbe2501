package dev.parapet.generation.triton;

import dev.parapet.generation.GenerationException;
import dev.parapet.generation.triton.proto.InferParameter;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one ModelInferRequest against a {@link ModelSignature}: an input is sent only if the model
 * declares it, with the declared datatype and a shape derived from the declared one; all data goes in
 * {@code raw_input_contents}, in input order (never mixed with typed contents, which Triton rejects).
 */
final class InferRequestBuilder {

    private final ModelSignature signature;
    private final ModelInferRequest.Builder request;
    private final Set<String> filled = new LinkedHashSet<>();

    InferRequestBuilder(ModelSignature signature, String model, String version, String id) {
        this.signature = signature;
        this.request = ModelInferRequest.newBuilder().setModelName(model).setModelVersion(version).setId(id);
    }

    /** Adds the input if the model declares it; ignores it otherwise. */
    InferRequestBuilder input(String name, List<?> values) {
        ModelSignature.Input declared = signature.inputs().get(name);
        if (declared == null || values.isEmpty()) {
            return this;
        }
        request.addInputs(ModelInferRequest.InferInputTensor.newBuilder()
                .setName(name)
                .setDatatype(declared.datatype())
                .addAllShape(shape(declared, values.size())));
        request.addRawInputContents(TensorCodec.encode(declared.datatype(), values));
        filled.add(name);
        return this;
    }

    /** Adds an input the request cannot do without; fails before sending if the model lacks it. */
    InferRequestBuilder required(String name, List<?> values) {
        if (!signature.declares(name)) {
            throw new GenerationException.ModelError("Model '" + signature.model() + "' declares no input '" + name
                    + "'; check parapet.triton.profile and parapet.triton.model", null);
        }
        return input(name, values);
    }

    InferRequestBuilder parameter(String name, boolean value) {
        request.putParameters(name, InferParameter.newBuilder().setBoolParam(value).build());
        return this;
    }

    InferRequestBuilder output(String name) {
        request.addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName(name));
        return this;
    }

    /** The request; fails without sending when the model requires an input Parapet did not fill. */
    ModelInferRequest build() {
        List<String> missing = new ArrayList<>();
        for (ModelSignature.Input i : signature.inputs().values()) {
            if (!i.optional() && !filled.contains(i.name())) {
                missing.add(i.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new GenerationException.ModelError("Model '" + signature.model() + "' requires inputs Parapet cannot fill: "
                    + missing, null);
        }
        return request.build();
    }

    /**
     * The wire shape for {@code count} elements. A declared rank-2 shape is [batch, n] (the model batches):
     * we send one row. A rank-1 shape belongs to a model without batching: [n].
     */
    static List<Long> shape(ModelSignature.Input declared, int count) {
        List<Long> d = declared.shape();
        if (d.size() == 2) {
            long last = d.get(1);
            if (last >= 0 && last != count) {
                throw new GenerationException.ModelError("Input '" + declared.name() + "' takes " + last
                        + " values per row, Parapet has " + count, null);
            }
            return List.of(1L, (long) count);
        }
        if (d.size() <= 1) {
            return List.of((long) count);
        }
        throw new GenerationException.ModelError("Input '" + declared.name() + "' has rank " + d.size()
                + ", which Parapet does not fill", null);
    }
}
