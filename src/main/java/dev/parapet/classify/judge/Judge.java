package dev.parapet.classify.judge;

import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.Generator;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.PpoChatTemplate;
import dev.parapet.prompt.Role;
import java.util.Collection;
import java.util.List;

/**
 * The model the {@code guard-model} rail asks, and how its question is framed. A guard model of its own
 * (Llama Guard 3) reads the guard prompt in the Llama 3 chat format it was trained on; the chat model,
 * asked as a self-check, reads the same instruction as a user turn of its own template (Llama3-70B-PPO-Chat's
 * {@code <extra_id_1>User} turns), since Llama 3 header markers mean nothing to it.
 */
public final class Judge {

    /** Who answers. */
    public enum Kind {
        /** A guard model served for this (Llama Guard 3 on Triton). */
        GUARD_MODEL,
        /** The chat model, judging a text with the guard instruction. */
        SELF_CHECK
    }

    private final Generator generator;
    private final Kind kind;

    private Judge(Generator generator, Kind kind) {
        this.generator = generator;
        this.kind = kind;
    }

    public static Judge guardModel(Generator generator) {
        return new Judge(generator, Kind.GUARD_MODEL);
    }

    public static Judge selfCheck(Generator generator) {
        return new Judge(generator, Kind.SELF_CHECK);
    }

    public Generator generator() {
        return generator;
    }

    public Kind kind() {
        return kind;
    }

    /** The generation request that asks about {@code text}; greedy, with a short answer budget. */
    public GenerationRequest request(String requestId, GuardPrompt.Role role, String text,
                                     Collection<HazardCategory> hazards, int maxTokens) {
        String instruction = GuardPrompt.instruction(role, text, hazards);
        List<ChatMessage> messages = List.of(new ChatMessage(Role.USER, instruction));
        String prompt = kind == Kind.GUARD_MODEL ? GuardPrompt.render(role, text, hazards) : PpoChatTemplate.render(messages);
        return new GenerationRequest(requestId, prompt, messages, maxTokens, 0.0, null, null, List.of(), null);
    }
}
