package dev.parapet.generation;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Chooses the generator named by {@code parapet.generation.backend}. Each backend is a bean qualified
 * with {@code @Identifier("<backend>")}; only the chosen one is ever created, so an unused Triton client
 * opens no channel.
 */
@ApplicationScoped
public class ActiveGenerator {

    @Produces
    @Singleton
    Generator generator(GenerationConfig config, @Any Instance<Generator> all) {
        Instance<Generator> chosen = all.select(Identifier.Literal.of(config.backend()));
        if (!chosen.isResolvable()) {
            String known = all.handlesStream()
                    .flatMap(h -> h.getBean().getQualifiers().stream())
                    .filter(q -> q instanceof Identifier)
                    .map(q -> ((Identifier) q).value())
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("parapet.generation.backend=" + config.backend()
                    + " names no generator (known: " + known + ")");
        }
        Generator generator = chosen.get();
        Log.infof("Generation backend: %s", generator.id());
        return generator;
    }
}
