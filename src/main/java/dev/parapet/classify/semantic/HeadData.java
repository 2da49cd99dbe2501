package dev.parapet.classify.semantic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The lines one head trains or is evaluated on, chosen by its {@link HeadSpec} from one split, with the
 * spec's caps applied as a fixed-seed sample per file and label.
 */
public record HeadData(List<LabelledText> rows, boolean[] positive) {

    public static HeadData select(List<LabelledText> all, HeadSpec spec, boolean dev, long seed) {
        Map<String, List<LabelledText>> groups = new LinkedHashMap<>();
        Map<String, Boolean> groupPositive = new LinkedHashMap<>();
        for (LabelledText t : all) {
            if (t.dev() != dev) {
                continue;
            }
            boolean pos = spec.positive().test(t);
            boolean neg = !pos && (spec.negative().test(t) || (!dev && spec.trainOnlyNegative().test(t)));
            if (!pos && !neg) {
                continue;
            }
            String group = t.file() + "|" + t.label();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(t);
            groupPositive.put(group, pos);
        }
        List<LabelledText> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Map.Entry<String, List<LabelledText>> g : groups.entrySet()) {
            List<LabelledText> members = new ArrayList<>(g.getValue());
            Integer limit = limit(spec, g.getValue().get(0), dev);
            if (limit != null && members.size() > limit) {
                Collections.shuffle(members, new Random(seed ^ g.getKey().hashCode()));
                members = members.subList(0, limit);
            }
            for (LabelledText t : members) {
                rows.add(t);
                labels.add(groupPositive.get(g.getKey()));
            }
        }
        boolean[] positive = new boolean[labels.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = labels.get(i);
        }
        return new HeadData(List.copyOf(rows), positive);
    }

    private static Integer limit(HeadSpec spec, LabelledText t, boolean dev) {
        String split = dev ? "dev" : "train";
        return spec.caps().stream()
                .filter(c -> c.file().equals(t.file()) && c.label().equals(t.label()) && c.split().equals(split))
                .map(HeadSpec.Cap::limit).findFirst().orElse(null);
    }

    public List<String> texts() {
        return rows.stream().map(LabelledText::text).toList();
    }

    public int positives() {
        int n = 0;
        for (boolean b : positive) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
