package dev.parapet.chat;

import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationChunk;
import dev.parapet.generation.GenerationException;
import dev.parapet.prompt.ReplyTrimmer;
import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * A streamed reply that no client sees before the output rails have passed it.
 *
 * <p>How: deltas from the generator collect in a hold-back buffer. Whenever the unsent text reaches a
 * sentence end (or grows long), the output rails and policy run over the whole reply so far; only when
 * they allow it does the new text go out. A tail that could still turn into the end-of-turn marker or a
 * stop string is never sent early. If the policy refuses midway, generation is cancelled, the refusal
 * goes out instead of the held text and the stream ends with {@code content_filter}. Once the policy asks
 * for a second opinion about the reply so far (the guard model, which reads only a whole reply), nothing
 * more goes out until the last check has asked it about the whole reply.
 *
 * <p>{@link #start()} pulls the first chunk before any byte is written, so a backend that is down or
 * refuses the request still produces a proper HTTP error instead of a broken stream.
 */
public final class GuardedStream {

    /** Receives what may be shown; called on the thread that runs {@link #run}. */
    public interface Listener {
        void text(String delta);

        void end(ChatOutcome outcome);
    }

    private static final int MIN_CHECK_CHARS = 24;
    private static final int MAX_UNCHECKED_CHARS = 160;

    private final GuardedChat chat;
    private final GuardedChat.Prepared prepared;
    private Stream<GenerationChunk> chunks;
    private Iterator<GenerationChunk> iterator;
    private GenerationChunk first;

    GuardedStream(GuardedChat chat, GuardedChat.Prepared prepared) {
        this.chat = chat;
        this.prepared = prepared;
    }

    public static GuardedStream of(GuardedChat chat, GuardedChat.Prepared prepared) {
        return new GuardedStream(chat, prepared);
    }

    /** Starts generation and waits for its first chunk; throws {@link GenerationException} if it fails. */
    public GuardedStream start() {
        chunks = chat.generator().stream(prepared.generation()).subscribe().asStream();
        iterator = chunks.iterator();
        first = next();
        return this;
    }

    /** Streams checked text to the listener until the reply ends or is refused. */
    public void run(Listener listener) {
        StringBuilder raw = new StringBuilder();
        int sent = 0;
        FinishReason finish = FinishReason.STOP;
        java.util.List<String> stop = prepared.request().stop();
        // Rails the policy asked about part of the reply, which judge only a whole reply (the guard model):
        // from then on nothing more is sent until they have read all of it.
        java.util.Set<String> awaited = new java.util.LinkedHashSet<>();
        try {
            GenerationChunk chunk = first;
            while (chunk != null) {
                raw.append(chunk.delta());
                if (chunk.finishReason() != null) {
                    finish = chunk.finishReason();
                }
                if (ReplyTrimmer.cutIndex(raw.toString(), stop) >= 0) {
                    finish = FinishReason.STOP;
                    break;
                }
                int safe = ReplyTrimmer.safeLength(raw.toString(), stop);
                int upTo = checkPoint(raw, sent, safe);
                if (upTo > sent) {
                    StageResult partial = chat.checkOutput(prepared.configuration(), prepared.context(), raw.substring(0, upTo), true);
                    if (partial.decision().refused()) {
                        ChatOutcome refused = chat.finish(prepared, raw.substring(0, upTo), FinishReason.CONTENT_FILTER, partial);
                        listener.text((sent > 0 ? "\n\n" : "") + refused.reply());
                        listener.end(refused);
                        return;
                    }
                    awaited.addAll(partial.decision().asked());
                    if (partial.decision().masks().isEmpty() && awaited.isEmpty()) {
                        listener.text(raw.substring(sent, upTo));
                        sent = upTo;
                    }
                }
                chunk = iterator.hasNext() ? next() : null;
            }
            String reply = ReplyTrimmer.trim(raw.toString(), stop);
            StageResult output = chat.checkOutput(prepared.configuration(), prepared.context(), reply, awaited);
            ChatOutcome outcome = chat.finish(prepared, reply, finish, output);
            if (output.decision().refused()) {
                listener.text((sent > 0 ? "\n\n" : "") + outcome.reply());
            } else if (outcome.reply().length() > sent) {
                // What was sent passed its checks unmasked; the rest goes out as the final check shaped it.
                listener.text(outcome.reply().substring(sent));
            }
            listener.end(outcome);
        } finally {
            chunks.close();
        }
    }

    private GenerationChunk next() {
        try {
            return iterator.hasNext() ? iterator.next() : null;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Where the next check should end: after the last sentence end in the unsent, safe part of the text
     * once it holds at least {@value #MIN_CHECK_CHARS} characters, or at the last space once it holds
     * {@value #MAX_UNCHECKED_CHARS}; {@code sent} when it is not yet time to check.
     */
    static int checkPoint(CharSequence raw, int sent, int safe) {
        if (safe - sent < MIN_CHECK_CHARS) {
            return sent;
        }
        int lastSpace = sent;
        for (int i = safe; i > sent + MIN_CHECK_CHARS - 1; i--) {
            char c = raw.charAt(i - 1);
            if (isSentenceEnd(c)) {
                return i;
            }
            if (lastSpace == sent && Character.isWhitespace(c)) {
                lastSpace = i;
            }
        }
        return safe - sent >= MAX_UNCHECKED_CHARS ? lastSpace : sent;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':';
    }
}
