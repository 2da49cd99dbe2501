package dev.parapet.classify.pii;

import java.util.List;

/** Finds one kind of personal data in a text. Implementations are stateless and thread-safe. */
public interface PiiDetector {

    PiiKind kind();

    /** Every match in the text, in text order. */
    List<PiiMatch> find(String text);
}
