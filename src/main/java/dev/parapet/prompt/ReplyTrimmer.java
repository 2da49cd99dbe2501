package dev.parapet.prompt;

import java.util.List;

/**
 * Cuts a raw model reply where the turn ends: at the first end-of-turn marker (the seed's deployment has
 * no stop words, so the model may run on into a forged next turn) and at the first of the request's stop
 * strings; then drops the single newline the template puts before the marker.
 */
public final class ReplyTrimmer {

    private ReplyTrimmer() {}

    /** Index where the reply ends, or -1 when no marker or stop string occurs. */
    public static int cutIndex(String raw, List<String> stop) {
        int cut = raw.indexOf(PpoChatTemplate.END_OF_TURN);
        for (String s : stop) {
            if (s.isEmpty()) {
                continue;
            }
            int i = raw.indexOf(s);
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        return cut;
    }

    public static String trim(String raw, List<String> stop) {
        int cut = cutIndex(raw, stop);
        String reply = cut >= 0 ? raw.substring(0, cut) : raw;
        return reply.endsWith("\n") ? reply.substring(0, reply.length() - 1) : reply;
    }

    /**
     * While streaming: how much of {@code raw} is certainly part of the reply, holding back a tail that
     * could still become the start of a marker or stop string.
     */
    public static int safeLength(String raw, List<String> stop) {
        int hold = PpoChatTemplate.END_OF_TURN.length();
        for (String s : stop) {
            hold = Math.max(hold, s.length());
        }
        // Also hold the newline that would precede the marker.
        return Math.max(0, raw.length() - hold);
    }
}
