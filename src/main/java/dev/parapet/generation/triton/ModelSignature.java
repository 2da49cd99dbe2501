package dev.parapet.generation.triton;

import dev.parapet.generation.triton.proto.ModelConfigSubset;
import dev.parapet.generation.triton.proto.ModelMetadataResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the served model declares: its inputs (name, wire datatype, shape with the batch dimension as
 * ModelMetadata reports it, and whether the model config marks it optional), its outputs and whether it
 * is decoupled. Read once from Triton and cached; requests are built against it, so Parapet never sends
 * an input the model does not declare.
 */
record ModelSignature(String model, Map<String, Input> inputs, Set<String> outputs, boolean decoupled) {

    /** @param optional false only when the model config says the input is required */
    record Input(String name, String datatype, List<Long> shape, boolean optional) {
        Input {
            shape = List.copyOf(shape);
        }
    }

    ModelSignature {
        inputs = Map.copyOf(inputs);
        outputs = Set.copyOf(outputs);
    }

    static ModelSignature of(ModelMetadataResponse metadata, ModelConfigSubset config, Boolean decoupledOverride) {
        Map<String, Boolean> optional = config == null ? Map.of()
                : config.getInputList().stream().collect(Collectors.toMap(ModelConfigSubset.Input::getName,
                        ModelConfigSubset.Input::getOptional, (a, b) -> a));
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (ModelMetadataResponse.TensorMetadata t : metadata.getInputsList()) {
            inputs.put(t.getName(), new Input(t.getName(), t.getDatatype(), t.getShapeList(),
                    optional.getOrDefault(t.getName(), true)));
        }
        Set<String> outputs = metadata.getOutputsList().stream().map(ModelMetadataResponse.TensorMetadata::getName)
                .collect(Collectors.toSet());
        boolean decoupled = decoupledOverride != null ? decoupledOverride
                : config != null && config.hasModelTransactionPolicy() && config.getModelTransactionPolicy().getDecoupled();
        return new ModelSignature(metadata.getName(), inputs, outputs, decoupled);
    }

    boolean declares(String input) {
        return inputs.containsKey(input);
    }

    boolean requires(String input) {
        Input i = inputs.get(input);
        return i != null && !i.optional();
    }
}
