package dev.parapet.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

    private final PolicyCompiler compiler = new PolicyCompiler(Clock.systemUTC());

    @Test
    void compilesEveryKindOfFileInTheDefaultPolicySet() {
        PolicySet set = compiler.compile(PolicyCompiler.read(Path.of("policies")));
        assertTrue(set.files().stream().anyMatch(f -> f.endsWith(".drl")), set.files().toString());
        assertTrue(set.files().contains("acceptable-use.csv"), set.files().toString());
        assertTrue(set.files().contains("toxicity-and-bias.xlsx"), set.files().toString());
        assertTrue(set.rules().size() >= 50, "only " + set.rules().size() + " rules");
        assertTrue(set.rules().contains("Block a prompt about weapons scoring 0.7 or more (Llama Guard S9)"), set.rules().toString());
        assertTrue(set.rules().contains("Block a reply with hateful language scoring 0.4 or more"), set.rules().toString());
    }

    @Test
    void reportsASyntaxErrorWithFileAndLine() {
        Map<String, byte[]> files = new HashMap<>(PolicyCompiler.read(Path.of("policies")));
        files.put("broken.drl", ("package dev.parapet.policies;\n\nrule \"Half a rule\"\nwhen\n    FindingFact(score >= )\nthen\nend\n")
                .getBytes(StandardCharsets.UTF_8));
        PolicyRejected e = assertThrows(PolicyRejected.class, () -> compiler.compile(files));
        PolicyError first = e.errors().get(0);
        assertEquals("broken.drl", first.file());
        assertEquals(5, first.line(), e.errors().toString());
    }

    @Test
    void validatesOneFileWithoutLoadingIt() {
        assertEquals(List.of(), compiler.validate("ok.drl", ("package p;\nrule \"Nothing\"\nwhen\nthen\nend\n").getBytes(StandardCharsets.UTF_8)));
        List<PolicyError> errors = compiler.validate("bad.drl", "package p;\nrule \"x\" when then".getBytes(StandardCharsets.UTF_8));
        assertTrue(!errors.isEmpty() && errors.get(0).file().equals("bad.drl"), errors.toString());
        assertEquals("bad.txt", compiler.validate("bad.txt", new byte[0]).get(0).file());
    }

    @Test
    void theHashFollowsTheContent() {
        Map<String, byte[]> a = Map.of("a.drl", "x".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> b = Map.of("a.drl", "y".getBytes(StandardCharsets.UTF_8));
        assertEquals(PolicyCompiler.hash(a), PolicyCompiler.hash(Map.of("a.drl", "x".getBytes(StandardCharsets.UTF_8))));
        assertNotEquals(PolicyCompiler.hash(a), PolicyCompiler.hash(b));
    }

    /**
     * Drools 10.2, given the same decision table name twice in one JVM, kept the first compilation: an
     * edited threshold in acceptable-use.csv hot-reloaded without effect. We now turn tables into DRL
     * ourselves; this test fails if an edited table is ever served stale again.
     */
    @Test
    void anEditedDecisionTableTakesEffectInTheSameJvm() {
        Map<String, byte[]> files = new HashMap<>(PolicyCompiler.read(Path.of("policies")));
        PolicySet before = compiler.compile(files);
        String csv = new String(files.get("acceptable-use.csv"), StandardCharsets.UTF_8);
        String edited = csv.replaceFirst("(?m)^(Block a prompt about weapons scoring 0\\.7 or more \\(Llama Guard S9\\),input,,\"[^\"]*\",weapons,)0\\.7,", "$10.99,");
        assertNotEquals(csv, edited);
        files.put("acceptable-use.csv", edited.getBytes(StandardCharsets.UTF_8));
        PolicySet after = compiler.compile(files);
        dev.parapet.policy.PolicyInput input = new dev.parapet.policy.PolicyInput(dev.parapet.rails.Stage.INPUT,
                List.of(new dev.parapet.rails.Finding("acceptable-use", "weapons", 0.8)),
                dev.parapet.security.RequestContext.offline("default"), new PolicyInput.TextStats(10, 2, 1, "und"));
        assertEquals(Action.BLOCK, DroolsPolicyEngine.evaluate(before, input, DroolsPolicyEngine.SessionKind.POOLED).action());
        assertEquals(Action.ALLOW, DroolsPolicyEngine.evaluate(after, input, DroolsPolicyEngine.SessionKind.POOLED).action());
    }

    @Test
    void reportsATableErrorByFileAndRow() {
        Map<String, byte[]> files = new HashMap<>(PolicyCompiler.read(Path.of("policies")));
        String csv = new String(files.get("acceptable-use.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n", -1);
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Block a reply about spam")) {
                lines[i] = lines[i].replace(",0.5,", ",0.5 0.7,");
                row = i + 1;
            }
        }
        files.put("acceptable-use.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        PolicyRejected e = assertThrows(PolicyRejected.class, () -> compiler.compile(files));
        assertEquals("acceptable-use.csv", e.errors().get(0).file());
        assertEquals(row, e.errors().get(0).line(), e.errors().toString());
    }
}
