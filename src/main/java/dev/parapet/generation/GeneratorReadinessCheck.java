package dev.parapet.generation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: DOWN, with the reason, while the active generation backend cannot take
 * requests (Triton's server or model not ready, upstream unreachable). Liveness has no such check: a
 * gateway whose model is down is alive and answers 503, it must not be restarted for it.
 */
@Readiness
@ApplicationScoped
public class GeneratorReadinessCheck implements HealthCheck {

    private final Generator generator;

    public GeneratorReadinessCheck(Generator generator) {
        this.generator = generator;
    }

    @Override
    public HealthCheckResponse call() {
        Generator.Readiness readiness = generator.readiness();
        return HealthCheckResponse.named("generation")
                .status(readiness.ready())
                .withData("backend", generator.id())
                .withData("reason", readiness.reason())
                .build();
    }
}
