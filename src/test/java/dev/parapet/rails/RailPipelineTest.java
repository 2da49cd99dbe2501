package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.security.RequestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RailPipelineTest {

    record NoSettings() {}

    /**
     * A rail whose findings come from a function, to test the pipeline's contract checks; costly or not,
     * and if costly, whether its cost is work shared with the stage's other rails (as the semantic rails
     * share an embedding).
     */
    record ScriptedRail(String id, boolean costly, boolean sharesCostlyWork, Function<RailInput, List<Finding>> script)
            implements Rail<NoSettings> {
        ScriptedRail(String id, boolean costly, Function<RailInput, List<Finding>> script) {
            this(id, costly, false, script);
        }

        ScriptedRail(String id, Function<RailInput, List<Finding>> script) {
            this(id, false, script);
        }

        static ScriptedRail sharingWork(String id, Function<RailInput, List<Finding>> script) {
            return new ScriptedRail(id, true, true, script);
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public List<Finding> check(RailInput input, NoSettings settings) {
            return script.apply(input);
        }
    }

    private final RailPipeline pipeline = new RailPipeline(new RailsConfig() {
        @Override
        public String dir() {
            return "rails";
        }

        @Override
        public int threads() {
            return 2;
        }
    });

    private static RailConfiguration configuration(Rail<?>... rails) {
        List<ConfiguredRail> input = java.util.Arrays.stream(rails).map(r -> new ConfiguredRail(r, new NoSettings())).toList();
        return new RailConfiguration("t", "", input, List.of(), "hash");
    }

    private static RailInput input(String text) {
        return new RailInput(Stage.INPUT, text, RequestContext.offline("t"));
    }

    @Test
    void aRailHeldBackToBeAskedRunsOnlyWhenThePolicyNamesIt() {
        List<String> ran = new CopyOnWriteArrayList<>();
        Rail<?> cheap = new ScriptedRail("cheap", in -> List.of(new Finding("cheap", "a", 0.4)));
        Rail<?> judge = new ScriptedRail("judge", true, in -> {
            ran.add(in.text());
            return List.of(new Finding("judge", "weapons", 0.9));
        });
        RailConfiguration c = new RailConfiguration("t", "", List.of(new ConfiguredRail(cheap, new NoSettings()),
                new ConfiguredRail(judge, new NoSettings(), true)), List.of(), "hash");
        assertEquals(List.of("cheap"), pipeline.run(c, input("text")).stream().map(Finding::rail).toList());
        assertEquals(List.of(), ran, "a rail held back does not run on every text");
        assertEquals(List.of(), pipeline.runAsked(c, input("text"), List.of("cheap", "elsewhere")),
                "only rails held back are asked; names the configuration lacks run nothing");
        assertEquals(List.of("judge"), pipeline.runAsked(c, input("text"), List.of("judge")).stream().map(Finding::rail).toList());
        assertEquals(List.of("text"), ran);
    }

    @Test
    void returnsFindingsInConfigurationOrderWhateverOrderRailsFinish() {
        Rail<?> slow = new ScriptedRail("slow", true, in -> {
            sleep(50);
            return List.of(new Finding("slow", "a", 0.1));
        });
        Rail<?> fast = new ScriptedRail("fast", in -> List.of(new Finding("fast", "b", 0.2)));
        Rail<?> third = new ScriptedRail("third", in -> List.of(new Finding("third", "c", 0.3)));
        List<Finding> findings = pipeline.run(configuration(fast, slow, third), input("text"));
        assertEquals(List.of("fast", "slow", "third"), findings.stream().map(Finding::rail).toList());
    }

    @Test
    void runsRailsThatShareCostlyWorkInTurnOnTheCallersThreadBesideARailCostlyOnItsOwn() {
        List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread caller = Thread.currentThread();
        Function<String, Function<RailInput, List<Finding>>> onCaller = name -> in -> {
            assertSame(caller, Thread.currentThread(), name + " ran on a pool thread");
            order.add(name);
            return List.of(new Finding(name, "x", 0.1));
        };
        CountDownLatch judgeStarted = new CountDownLatch(1);
        Rail<?> judge = new ScriptedRail("judge", true, in -> {
            judgeStarted.countDown();
            assertTrue(Thread.currentThread() != caller, "the model call should not wait for the shared work");
            return List.of();
        });
        List<Finding> findings = pipeline.run(configuration(ScriptedRail.sharingWork("embedding-head", onCaller.apply("embedding-head")),
                new ScriptedRail("cheap", in -> List.of()), judge, ScriptedRail.sharingWork("second-head", onCaller.apply("second-head"))),
                input("text"));
        assertEquals(List.of("embedding-head", "second-head"), order);
        assertEquals(List.of("embedding-head", "second-head"), findings.stream().map(Finding::rail).toList());
        assertEquals(0, judgeStarted.getCount());
    }

    @Test
    void runsCostlyRailsOfAStageConcurrently() {
        Rail<?> a = new ScriptedRail("a", true, in -> { sleep(300); return List.of(); });
        Rail<?> b = new ScriptedRail("b", true, in -> { sleep(300); return List.of(); });
        Rail<?> c = new ScriptedRail("c", true, in -> { sleep(300); return List.of(); });
        long start = System.nanoTime();
        pipeline.run(configuration(a, b, c), input("text"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 800, "three 300 ms rails took " + millis + " ms; they did not overlap");
    }

    @Test
    void startsACostlyRailBeforeTheCheapRailsListedAheadOfIt() throws InterruptedException {
        // Each cheap rail waits (up to 2 s) for the costly one to have started: if the costly rail
        // queued behind them, as when rails start in configuration order, every wait would time out.
        CountDownLatch costlyStarted = new CountDownLatch(1);
        List<Boolean> sawItStart = new CopyOnWriteArrayList<>();
        Function<RailInput, List<Finding>> cheap = in -> {
            sawItStart.add(await(costlyStarted));
            return List.of();
        };
        Rail<?> costly = new ScriptedRail("embedding", true, in -> {
            costlyStarted.countDown();
            return List.of(new Finding("embedding", "x", 0.4));
        });
        List<Finding> findings = pipeline.run(configuration(new ScriptedRail("one", cheap), new ScriptedRail("two", cheap),
                new ScriptedRail("three", cheap), costly), input("text"));
        assertEquals(List.of(true, true, true), sawItStart);
        assertEquals(List.of("embedding"), findings.stream().map(Finding::rail).toList());
    }

    @Test
    void aCheapRailThatFailsStillFailsTheStageWhileACostlyRailRuns() {
        Rail<?> costly = new ScriptedRail("slow", true, in -> { sleep(200); return List.of(); });
        Rail<?> broken = new ScriptedRail("broken", in -> { throw new IllegalStateException("lexicon gone"); });
        assertEquals("broken", assertThrows(RailFailure.class, () -> pipeline.run(configuration(costly, broken), input("t"))).rail());
    }

    @Test
    void failsClosedNamingTheRailWhenAScoreLeavesTheUnitInterval() {
        Rail<?> bad = new ScriptedRail("bad", in -> List.of(new Finding("bad", "x", 1.5)));
        RailFailure e = assertThrows(RailFailure.class, () -> pipeline.run(configuration(bad), input("text")));
        assertEquals("bad", e.rail());
        assertTrue(e.getMessage().contains("outside [0, 1]"));
    }

    @Test
    void failsClosedWhenASpanLeavesTheText() {
        Rail<?> ok = new ScriptedRail("ok", in -> List.of());
        Rail<?> bad = new ScriptedRail("bad", in -> List.of(new Finding("bad", "x", 0.5, List.of(new Span(2, 99, "X")), "")));
        RailFailure e = assertThrows(RailFailure.class, () -> pipeline.run(configuration(ok, bad), input("short")));
        assertEquals("bad", e.rail());
    }

    @Test
    void failsClosedWhenARailThrowsOrReportsUnderAnotherName() {
        Rail<?> throwing = new ScriptedRail("boom", in -> { throw new IllegalStateException("model missing"); });
        assertEquals("boom", assertThrows(RailFailure.class, () -> pipeline.run(configuration(throwing), input("t"))).rail());
        Rail<?> impostor = new ScriptedRail("me", in -> List.of(new Finding("someone-else", "x", 0.1)));
        assertEquals("me", assertThrows(RailFailure.class, () -> pipeline.run(configuration(impostor), input("t"))).rail());
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
