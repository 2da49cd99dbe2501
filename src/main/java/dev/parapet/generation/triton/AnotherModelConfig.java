package dev.parapet.generation.triton;

import java.time.Duration;
import java.util.Optional;

/**
 * The Triton settings for a second model (the guard model beside the chat model): the endpoint, the
 * model's name, version, profile and decoupling of its own, and everything else (deadlines, TLS, limits,
 * breaker settings) as for the chat model. A generator built on it has its own client, limits and breaker,
 * so a guard model that fails does not open the chat model's breaker.
 */
public final class AnotherModelConfig implements TritonConfig {

    private final TritonConfig base;
    private final String target;
    private final String model;
    private final Optional<String> modelVersion;
    private final String profile;
    private final Optional<Boolean> decoupled;

    /** Empty optionals take the chat model's endpoint and profile; version and decoupling are the model's own. */
    public AnotherModelConfig(TritonConfig base, Optional<String> target, String model, Optional<String> modelVersion,
                              Optional<String> profile, Optional<Boolean> decoupled) {
        this.base = base;
        this.target = target.orElse(base.target());
        this.model = model;
        this.modelVersion = modelVersion;
        this.profile = profile.orElse(base.profile());
        this.decoupled = decoupled;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Optional<String> modelVersion() {
        return modelVersion;
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public Duration deadline() {
        return base.deadline();
    }

    @Override
    public Duration probeDeadline() {
        return base.probeDeadline();
    }

    @Override
    public Optional<Boolean> decoupled() {
        return decoupled;
    }

    @Override
    public Tls tls() {
        return base.tls();
    }

    @Override
    public Limits limits() {
        return base.limits();
    }

    @Override
    public Breaker breaker() {
        return base.breaker();
    }
}
