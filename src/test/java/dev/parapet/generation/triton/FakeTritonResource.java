package dev.parapet.generation.triton;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeTriton} before Quarkus starts and points {@code parapet.triton.*} at it. Init args:
 * {@code profile} (nemo | trtllm), {@code release}, {@code decoupled}. Tests reach the running fake
 * through {@link #fake()}.
 */
public class FakeTritonResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeTriton current;
    private Map<String, String> args = Map.of();

    public static FakeTriton fake() {
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        String profile = args.getOrDefault("profile", "trtllm");
        FakeModels.ModelSpec model = "nemo".equals(profile)
                ? FakeModels.nemo(args.getOrDefault("release", "2.2"))
                : FakeModels.trtllm(args.getOrDefault("release", "2025-05"));
        current = new FakeTriton(model.decoupled(Boolean.parseBoolean(args.getOrDefault("decoupled", "true"))));
        return Map.of(
                "parapet.generation.backend", "triton",
                "parapet.triton.target", current.target(),
                "parapet.triton.model", model.name(),
                "parapet.triton.profile", profile,
                "parapet.triton.deadline", "2s",
                "parapet.triton.breaker.failure-threshold", "1000");
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
