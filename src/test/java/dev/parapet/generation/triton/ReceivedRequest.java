package dev.parapet.generation.triton;

import dev.parapet.generation.triton.proto.InferParameter;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the fake Triton received it, with every input tensor decoded from its raw little-endian
 * bytes. The decoding is written here on its own, not borrowed from the client, so a client encoding bug
 * shows up as a wrong value instead of cancelling out.
 */
public record ReceivedRequest(String rpc, ModelInferRequest raw, Map<String, Tensor> inputs) {

    /** One decoded input: strings for BYTES, Boolean, Long (integers) or Double (floats) otherwise. */
    public record Tensor(String name, String datatype, List<Long> shape, List<Object> values) {
        public Object value() {
            return values.get(0);
        }
    }

    public Tensor input(String name) {
        return inputs.get(name);
    }

    public InferParameter parameter(String name) {
        return raw.getParametersMap().get(name);
    }

    static ReceivedRequest decode(String rpc, ModelInferRequest request) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (int i = 0; i < request.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor t = request.getInputs(i);
            List<Object> values = i < request.getRawInputContentsCount()
                    ? decode(t.getDatatype(), request.getRawInputContents(i).toByteArray())
                    : List.of();
            inputs.put(t.getName(), new Tensor(t.getName(), t.getDatatype(), List.copyOf(t.getShapeList()), values));
        }
        return new ReceivedRequest(rpc, request, inputs);
    }

    /** Raw bytes to values; throws IllegalArgumentException on a byte count that does not fit the type. */
    static List<Object> decode(String datatype, byte[] raw) {
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> out = new ArrayList<>();
        if (datatype.equals("BYTES")) {
            while (buf.hasRemaining()) {
                if (buf.remaining() < 4) {
                    throw new IllegalArgumentException("truncated BYTES length");
                }
                int n = buf.getInt();
                if (n < 0 || n > buf.remaining()) {
                    throw new IllegalArgumentException("BYTES element longer than the tensor");
                }
                byte[] s = new byte[n];
                buf.get(s);
                out.add(new String(s, StandardCharsets.UTF_8));
            }
            return out;
        }
        int width = switch (datatype) {
            case "BOOL", "INT8", "UINT8" -> 1;
            case "INT16", "UINT16" -> 2;
            case "INT32", "UINT32", "FP32" -> 4;
            case "INT64", "UINT64", "FP64" -> 8;
            default -> throw new IllegalArgumentException("fake cannot decode " + datatype);
        };
        if (raw.length % width != 0) {
            throw new IllegalArgumentException(raw.length + " bytes do not divide into " + datatype);
        }
        while (buf.hasRemaining()) {
            switch (datatype) {
                case "BOOL" -> {
                    byte b = buf.get();
                    if (b != 0 && b != 1) {
                        throw new IllegalArgumentException("BOOL byte " + b);
                    }
                    out.add(b == 1);
                }
                case "INT8" -> out.add((long) buf.get());
                case "UINT8" -> out.add((long) (buf.get() & 0xff));
                case "INT16" -> out.add((long) buf.getShort());
                case "UINT16" -> out.add((long) (buf.getShort() & 0xffff));
                case "INT32" -> out.add((long) buf.getInt());
                case "UINT32" -> out.add(Integer.toUnsignedLong(buf.getInt()));
                case "INT64", "UINT64" -> out.add(buf.getLong());
                case "FP32" -> out.add((double) buf.getFloat());
                default -> out.add(buf.getDouble());
            }
        }
        return out;
    }
}
