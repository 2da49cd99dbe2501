package dev.parapet.classify.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into a few windows for the embedding model: the start, the end and, with three
 * windows, the middle, each about {@value #WINDOW_CHARS} characters and cut at whitespace. A text up to
 * {@value #SINGLE_WINDOW_LIMIT} characters stays one window.
 *
 * <p>Why start, end and middle and not every window: the cost must stay bounded (each window is one
 * model call of several milliseconds), and attacks sit where a reader looks: jailbreak framing at the
 * start, the actual request at the end.
 */
public final class TextWindows {

    public static final int WINDOW_CHARS = 1000;
    public static final int SINGLE_WINDOW_LIMIT = 1200;

    private TextWindows() {}

    public static List<String> of(String text, int maxWindows) {
        if (text.length() <= SINGLE_WINDOW_LIMIT || maxWindows <= 1) {
            return List.of(text.length() <= SINGLE_WINDOW_LIMIT ? text : cut(text, 0));
        }
        List<String> windows = new ArrayList<>(maxWindows);
        windows.add(cut(text, 0));
        if (maxWindows >= 3 && text.length() > 2 * WINDOW_CHARS) {
            windows.add(cut(text, text.length() / 2 - WINDOW_CHARS / 2));
        }
        windows.add(cut(text, text.length() - WINDOW_CHARS));
        return windows;
    }

    /** About {@value #WINDOW_CHARS} characters from {@code from}, moved to whitespace at both ends. */
    private static String cut(String text, int from) {
        int start = Math.max(0, from);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space > 0 && space - start < 40 ? space + 1 : start;
        }
        int end = Math.min(text.length(), start + WINDOW_CHARS);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start + WINDOW_CHARS - 40 ? space : end;
        }
        return text.substring(start, end);
    }
}
