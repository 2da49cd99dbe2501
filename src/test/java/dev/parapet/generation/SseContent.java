package dev.parapet.generation;

import io.restassured.path.json.JsonPath;

/** Reads a chat completion SSE body as a client would: the concatenated {@code delta.content} of its chunks. */
public final class SseContent {

    private SseContent() {}

    public static String joined(String sse) {
        StringBuilder out = new StringBuilder();
        for (String line : sse.split("\n")) {
            if (!line.startsWith("data: {")) {
                continue;
            }
            String content = new JsonPath(line.substring(6)).getString("choices[0].delta.content");
            if (content != null) {
                out.append(content);
            }
        }
        return out.toString();
    }
}
