package dev.parapet.classify.judge;

import dev.parapet.generation.Generator;
import dev.parapet.generation.triton.AnotherModelConfig;
import dev.parapet.generation.triton.TritonConfig;
import dev.parapet.generation.triton.TritonGenerator;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the {@link Judge} from {@link JudgeConfig}: a Triton client of its own for a configured guard
 * model, or else the active chat generator as a self-check. Created only when a configuration uses the
 * {@code guard-model} rail, so a gateway without a judge opens no second channel.
 */
@ApplicationScoped
public class JudgeProducer {

    @Produces
    @Singleton
    Judge judge(JudgeConfig config, TritonConfig triton, Generator chat) {
        if (config.model().isEmpty()) {
            Log.infof("Judge: the chat model (%s) as a self-check", chat.id());
            return Judge.selfCheck(chat);
        }
        TritonGenerator guard = new TritonGenerator(new AnotherModelConfig(triton, config.target(), config.model().get(),
                config.modelVersion(), config.profile(), config.decoupled()));
        Log.infof("Judge: guard model %s on Triton", config.model().get());
        return Judge.guardModel(guard);
    }

    void close(@Disposes Judge judge) {
        if (judge.kind() == Judge.Kind.GUARD_MODEL && judge.generator() instanceof TritonGenerator own) {
            own.close();
        }
    }
}
