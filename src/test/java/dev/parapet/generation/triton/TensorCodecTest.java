package dev.parapet.generation.triton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw layouts of the protocol fact sheet (§2.2), byte for byte. */
class TensorCodecTest {

    @Test
    void bytesElementIsLittleEndianLengthThenUtf8() {
        assertArrayEquals(new byte[] {2, 0, 0, 0, 'h', 'i'}, TensorCodec.encode("BYTES", List.of("hi")).toByteArray());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 'a', 0, 0, 0, 0}, TensorCodec.encode("BYTES", List.of("a", "")).toByteArray());
    }

    @Test
    void numbersAreLittleEndianInTheDeclaredWidth() {
        assertArrayEquals(new byte[] {0, 1, 0, 0}, TensorCodec.encode("INT32", List.of(256)).toByteArray());
        assertArrayEquals(new byte[] {0, 1, 0, 0, 0, 0, 0, 0}, TensorCodec.encode("INT64", List.of(256)).toByteArray());
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, TensorCodec.encode("FP32", List.of(1.0)).toByteArray());
        assertArrayEquals(new byte[] {1, 0}, TensorCodec.encode("BOOL", List.of(true, false)).toByteArray());
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}, TensorCodec.encode("UINT64", List.of(-1L)).toByteArray());
    }

    @Test
    void decodesMultiByteUtf8() {
        ByteString raw = TensorCodec.encode("BYTES", List.of("Grüße ✓", "x"));
        assertEquals(List.of("Grüße ✓", "x"), TensorCodec.decodeStrings(raw));
    }

    @Test
    void truncatedBytesTensorIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TensorCodec.decodeStrings(ByteString.copyFrom(new byte[] {9, 0, 0, 0, 'a'})));
        assertThrows(IllegalArgumentException.class, () -> TensorCodec.decodeStrings(ByteString.copyFrom(new byte[] {1, 0})));
    }

    @Test
    void halfPrecisionIsNotSilentlyEncoded() {
        assertThrows(IllegalArgumentException.class, () -> TensorCodec.encode("FP16", List.of(1.0)));
    }
}
