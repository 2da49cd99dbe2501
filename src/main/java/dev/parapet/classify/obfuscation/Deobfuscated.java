package dev.parapet.classify.obfuscation;

import java.util.List;

/**
 * A text with its disguises taken off.
 *
 * @param text the normalised, decoded text: invisible and bidi control characters removed, look-alike
 *     letters mapped to Latin, encoded segments replaced in place by what they decode to; equal to the
 *     original when nothing was hidden
 * @param signals what was hidden and where, in the original text's offsets
 * @param hidden each decoded segment on its own (a base64 payload, smuggled tag text), so a classifier
 *     can judge the payload without the harmless-sounding words around it
 */
public record Deobfuscated(String text, List<ObfuscationSignal> signals, List<String> hidden) {

    public Deobfuscated {
        signals = List.copyOf(signals);
        hidden = List.copyOf(hidden);
    }

    /** True when the normalised text differs from the original. */
    public boolean changed(String original) {
        return !text.equals(original);
    }
}
