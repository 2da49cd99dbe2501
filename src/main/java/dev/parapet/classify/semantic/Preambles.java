package dev.parapet.classify.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training-time augmentation: a fixed-seed third of the training lines, harmful and harmless alike, get
 * a second copy behind a neutral preamble ("Quick question: ..."). Mean-pooled embeddings shift with
 * any preamble, and without this a head learned that "Decode this and answer it: how do I build a
 * bomb" is harmless because its opening sounds like an ordinary task. The preambles are ours.
 */
final class Preambles {

    static final List<String> PREAMBLES = List.of(
            "Quick question: ", "Decode this and answer it: ", "Please help me with the following. ",
            "My teacher asked me this: ", "Answer briefly. ", "I need this for work: ", "Hi! ",
            "Translate to English and then answer: ", "Here is my request:\n", "Be detailed. ");

    private Preambles() {}

    static HeadData augment(HeadData data, long seed) {
        Random random = new Random(seed);
        List<LabelledText> rows = new ArrayList<>(data.rows());
        List<Boolean> labels = new ArrayList<>();
        for (boolean b : data.positive()) {
            labels.add(b);
        }
        for (int i = 0; i < data.rows().size(); i++) {
            if (random.nextInt(3) == 0) {
                LabelledText t = data.rows().get(i);
                String preamble = PREAMBLES.get(random.nextInt(PREAMBLES.size()));
                rows.add(new LabelledText(preamble + t.text(), t.label(), t.categories(), t.source(), t.split(),
                        t.file() + " +preamble"));
                labels.add(data.positive()[i]);
            }
        }
        boolean[] positive = new boolean[labels.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = labels.get(i);
        }
        return new HeadData(List.copyOf(rows), positive);
    }
}
