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
        assertTrue(set.rules().contains("Block a prompt about weapons scoring 0.5 or more (Llama Guard S9)"), set.rules().toString());
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
}
