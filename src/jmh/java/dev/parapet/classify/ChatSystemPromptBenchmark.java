package dev.parapet.classify;

import dev.parapet.classify.semantic.EmbeddingService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embeddings of a chat request as the guarded chat path checks it: an application's system prompt
 * (about 1,100 characters, the same in every request) joined with a user message that differs each
 * time, which makes two windows. {@code cacheEntries=0} embeds both every time; with the cache of recent
 * windows the system prompt's window is embedded once.
 *
 * <pre>./mvnw -B -Pbench verify -Djmh.args="ChatSystemPromptBenchmark -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ChatSystemPromptBenchmark {

    /** Written by us for this benchmark: the kind of system prompt a support application sends. */
    static final String SYSTEM = """
            You are the customer support assistant of Harbour Street Bank. Answer questions about current \
            accounts, savings accounts, debit and credit cards, online banking, the mobile app, standing \
            orders, direct debits, international transfers, fees and opening hours. Be friendly, brief and \
            precise; use short paragraphs and numbered steps for procedures. Never ask for a full card \
            number, a PIN, a password or a one-time code, and remind the customer never to share them. If \
            a customer reports a lost or stolen card, give the emergency number 0800 555 0101 first and \
            explain how to freeze the card in the app. Do not give investment, tax or legal advice; suggest \
            an appointment with an adviser instead. If you do not know an answer, say so and offer to \
            connect the customer with a human colleague during opening hours, which are 8am to 8pm on \
            weekdays and 9am to 1pm on Saturdays. Always answer in the language the customer writes in. \
            Mention the bank's security page when a question concerns suspicious messages or calls.""";

    @Param({"0", "1024"})
    public int cacheEntries;

    private EmbeddingService embeddings;
    private long request;

    @Setup(Level.Trial)
    public void setUp() {
        embeddings = new EmbeddingService(cacheEntries);
    }

    @Benchmark
    public float[][] chatRequest() {
        String user = "Hello, this is request " + (++request) + ". I moved house last month and my new debit card "
                + "has not arrived yet, although the app says it was sent twelve days ago. Can I still use the old "
                + "card until then, and how do I change the delivery address for the next one?";
        return embeddings.embedWindows(SYSTEM + "\n\n" + user, 3);
    }
}
