package dev.parapet.generation.triton;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Triton's raw tensor layout: elements flattened row-major, little-endian, no padding; a BYTES element
 * is a 4-byte little-endian length followed by that many bytes. Values are converted to the datatype
 * the model declared, so one chat parameter fits whichever integer or float width a release uses.
 */
final class TensorCodec {

    private TensorCodec() {}

    /** Encodes the values as the raw contents of a tensor of the given wire datatype. */
    static ByteString encode(String datatype, List<?> values) {
        if ("BYTES".equals(datatype)) {
            int size = 0;
            List<byte[]> encoded = new ArrayList<>(values.size());
            for (Object v : values) {
                byte[] b = String.valueOf(v).getBytes(StandardCharsets.UTF_8);
                encoded.add(b);
                size += 4 + b.length;
            }
            ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            for (byte[] b : encoded) {
                buf.putInt(b.length).put(b);
            }
            return ByteString.copyFrom(buf.array());
        }
        int width = width(datatype);
        ByteBuffer buf = ByteBuffer.allocate(width * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (Object v : values) {
            put(buf, datatype, v);
        }
        return ByteString.copyFrom(buf.array());
    }

    /** Decodes a BYTES tensor's raw contents into UTF-8 strings. */
    static List<String> decodeStrings(ByteString raw) {
        ByteBuffer buf = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<String> out = new ArrayList<>();
        while (buf.remaining() > 0) {
            if (buf.remaining() < 4) {
                throw new IllegalArgumentException("BYTES tensor ends inside a length prefix");
            }
            long length = Integer.toUnsignedLong(buf.getInt());
            if (length > buf.remaining()) {
                throw new IllegalArgumentException("BYTES element of " + length + " bytes, only " + buf.remaining() + " left");
            }
            byte[] b = new byte[(int) length];
            buf.get(b);
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    static int width(String datatype) {
        switch (datatype) {
            case "BOOL": case "INT8": case "UINT8": return 1;
            case "INT16": case "UINT16": return 2;
            case "INT32": case "UINT32": case "FP32": return 4;
            case "INT64": case "UINT64": case "FP64": return 8;
            default: throw new IllegalArgumentException("Parapet cannot encode datatype " + datatype);
        }
    }

    private static void put(ByteBuffer buf, String datatype, Object v) {
        switch (datatype) {
            case "BOOL": buf.put((byte) (asBoolean(v) ? 1 : 0)); break;
            case "INT8": case "UINT8": buf.put((byte) asLong(v)); break;
            case "INT16": case "UINT16": buf.putShort((short) asLong(v)); break;
            case "INT32": case "UINT32": buf.putInt((int) asLong(v)); break;
            case "INT64": case "UINT64": buf.putLong(asLong(v)); break;
            case "FP32": buf.putFloat(((Number) v).floatValue()); break;
            case "FP64": buf.putDouble(((Number) v).doubleValue()); break;
            default: throw new IllegalArgumentException("Parapet cannot encode datatype " + datatype);
        }
    }

    private static boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("BOOL tensor needs a boolean, got " + v.getClass().getSimpleName());
    }

    private static long asLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double || v instanceof Float) {
            return Math.round(((Number) v).doubleValue());
        }
        return ((Number) v).longValue();
    }
}
