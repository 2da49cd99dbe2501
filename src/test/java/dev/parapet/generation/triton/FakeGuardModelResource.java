package dev.parapet.generation.triton;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a second {@link FakeTriton} serving a guard model of its own (a TRT-LLM model named
 * {@code llama-guard-3}) and points {@code parapet.judge.*} at it, beside the chat model's fake of
 * {@link FakeTritonResource}. Tests reach it through {@link #fake()}.
 */
public class FakeGuardModelResource implements QuarkusTestResourceLifecycleManager {

    static final String MODEL = "llama-guard-3";

    private static volatile FakeTriton current;

    public static FakeTriton fake() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = new FakeTriton(FakeModels.trtllm("2025-05").named(MODEL).decoupled(false));
        return Map.of(
                "parapet.judge.target", current.target(),
                "parapet.judge.model", MODEL,
                "parapet.judge.profile", "trtllm");
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
