package dev.parapet.generation.triton;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A {@link TritonConfig} for tests that build the generator without Quarkus, bound as Quarkus binds it. */
final class TritonTestConfig {

    private TritonTestConfig() {}

    static TritonConfig of(FakeTriton fake, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("parapet.triton.target", fake.target());
        props.put("parapet.triton.model", fake.model().name());
        props.put("parapet.triton.profile", fake.model().profile());
        props.put("parapet.triton.deadline", "5s");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            props.put("parapet.triton." + keyValues[i], keyValues[i + 1]);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TritonConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500))
                .build();
        return config.getConfigMapping(TritonConfig.class);
    }
}
