package dev.parapet.classify.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Our own examples are marked as ours and split by the documented hash rule, never by hand. */
class DatasetTest {

    private final Dataset ours = Dataset.read(null, Path.of("classifiers", "ours"));

    @Test
    void ourExamplesAreMarkedAndSplitByHash() {
        assertFalse(ours.rows().isEmpty());
        for (LabelledRow row : ours.rows()) {
            assertTrue(row.ours(), row.file());
            String expected = Dataset.DEV_ONLY.contains(row.file()) ? "dev" : Dataset.splitOf(row.text());
            assertEquals(expected, row.split(), "split of a row in " + row.file());
        }
    }

    @Test
    void ourExamplesHaveBothSplitsAndBothLabels() {
        assertTrue(ours.rows().stream().anyMatch(r -> r.split().equals("dev")));
        assertTrue(ours.rows().stream().anyMatch(r -> r.split().equals("train")));
        assertTrue(ours.rows().stream().anyMatch(LabelledRow::positive));
        assertTrue(ours.rows().stream().anyMatch(r -> !r.positive() && r.group().equals("benign")));
    }
}
