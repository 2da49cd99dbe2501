package dev.parapet.chat;

import dev.parapet.generation.FinishReason;
import dev.parapet.generation.GenerationRequest;
import dev.parapet.generation.GenerationResult;
import dev.parapet.generation.Generator;
import dev.parapet.policy.Decision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
import dev.parapet.prompt.ChatMessage;
import dev.parapet.prompt.ControlMarkers;
import dev.parapet.prompt.PpoChatTemplate;
import dev.parapet.prompt.PromptBuilder;
import dev.parapet.prompt.RenderedPrompt;
import dev.parapet.prompt.ReplyTrimmer;
import dev.parapet.prompt.Role;
import dev.parapet.rails.Finding;
import dev.parapet.rails.LanguageRail;
import dev.parapet.rails.RailConfiguration;
import dev.parapet.rails.RailConfigurations;
import dev.parapet.rails.RailInput;
import dev.parapet.rails.RailPipeline;
import dev.parapet.rails.Stage;
import dev.parapet.security.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The path every chat request takes, in the order of the architecture picture:
 * input rails, input policy, prompt, generation, output rails, output policy, notices (audit follows).
 * Each step is one call; what a step does lives in its own package.
 */
@ApplicationScoped
public class GuardedChat {

    private final RailConfigurations configurations;
    private final RailPipeline rails;
    private final PolicyEngine policy;
    private final PromptBuilder prompts;
    private final Generator generator;

    public GuardedChat(RailConfigurations configurations, RailPipeline rails, PolicyEngine policy,
                       PromptBuilder prompts, Generator generator) {
        this.configurations = configurations;
        this.rails = rails;
        this.policy = policy;
        this.prompts = prompts;
        this.generator = generator;
    }

    /** A request after the input stage: refused already, or with a prompt ready for generation. */
    public record Prepared(RailConfiguration configuration, RequestContext context, ChatRequest request,
                           StageResult input, RenderedPrompt prompt, ChatOutcome refusal) {

        public GenerationRequest generation() {
            return new GenerationRequest(context.requestId(), prompt.text(), prompt.messages(), prompt.maxTokens(),
                    request.temperature(), request.topP(), request.topK(), request.stop(), request.seed());
        }
    }

    public ChatOutcome complete(ChatRequest request, RequestContext context) {
        Prepared prepared = prepare(request, context);
        if (prepared.refusal() != null) {
            return prepared.refusal();
        }
        GenerationResult raw = generator.generate(prepared.generation());
        String reply = ReplyTrimmer.trim(raw.text(), request.stop());
        FinishReason finish = ReplyTrimmer.cutIndex(raw.text(), request.stop()) >= 0 ? FinishReason.STOP : raw.finishReason();
        StageResult output = checkOutput(prepared.configuration(), context, reply, false);
        return finish(prepared, reply, finish, output);
    }

    /** Steps 1 to 3: input rails, input policy, prompt. Throws before anything is generated. */
    public Prepared prepare(ChatRequest request, RequestContext context) {
        RailConfiguration configuration = configurations.get(context.configName());
        InputText input = InputText.of(request.messages());
        StageResult checked = check(configuration, context, Stage.INPUT, input.text(), turns(request.messages()), false);
        Decision decision = checked.decision();
        if (decision.refused()) {
            int promptTokens = prompts.count(PpoChatTemplate.render(neutralised(request.messages())));
            GuardrailsReport report = new GuardrailsReport(configuration.name(), checked, null);
            ChatOutcome refusal = new ChatOutcome(decision.message(), FinishReason.CONTENT_FILTER, promptTokens, 0, report);
            return new Prepared(configuration, context, request, checked, null, refusal);
        }
        List<ChatMessage> messages = input.masked(decision.masks());
        RenderedPrompt prompt = prompts.build(messages, request.maxTokens());
        return new Prepared(configuration, context, request, checked, prompt, null);
    }

    /** Steps 5 and 6 over a reply, or over the part of a streamed reply seen so far ({@code partial}). */
    public StageResult checkOutput(RailConfiguration configuration, RequestContext context, String reply, boolean partial) {
        return check(configuration, context, Stage.OUTPUT, reply, 1, partial);
    }

    /**
     * The last check of a streamed reply, asking the rails in {@code alsoAsk} even when the whole reply no
     * longer makes the policy ask: the policy asked about a part of it, which was held back for this answer
     * (a rail such as the guard model judges only a whole reply; see {@link GuardedStream}).
     */
    public StageResult checkOutput(RailConfiguration configuration, RequestContext context, String reply,
                                   Collection<String> alsoAsk) {
        return check(configuration, context, Stage.OUTPUT, reply, 1, false, true, alsoAsk);
    }

    /** Step 7: apply the output decision and add notices. */
    public ChatOutcome finish(Prepared prepared, String reply, FinishReason finish, StageResult output) {
        Decision decision = output.decision();
        GuardrailsReport report = new GuardrailsReport(prepared.configuration().name(), prepared.input(), output);
        String text = decision.refused() ? decision.message() : Masking.apply(reply, decision.masks());
        FinishReason reason = decision.refused() ? FinishReason.CONTENT_FILTER : finish;
        if (!decision.refused() && !report.notices().isEmpty()) {
            text = text + "\n\n" + String.join("\n", report.notices());
        }
        return new ChatOutcome(text, reason, prepared.prompt().promptTokens(), prompts.count(reply), report);
    }

    /**
     * One stage over a text (also the check-only path of /v1/guard): the rails, the policy, and where the
     * policy asks for a second opinion from a rail held back for that ({@code when: asked}, such as the
     * guard model), that rail and a second decision over all the findings. A first decision that refuses
     * is final: an opinion is asked to catch what the cheaper tiers were unsure of, never to lift a refusal.
     */
    public StageResult check(RailConfiguration configuration, RequestContext context, Stage stage, String text,
                             int turns, boolean partial) {
        return check(configuration, context, stage, text, turns, partial, true);
    }

    /**
     * As {@link #check(RailConfiguration, RequestContext, Stage, String, int, boolean)}; with {@code ask}
     * false the first decision is final and its {@link Decision#asked()} says what would have been asked
     * (an evaluation without the guard model, {@code eval --no-asking}).
     */
    public StageResult check(RailConfiguration configuration, RequestContext context, Stage stage, String text,
                             int turns, boolean partial, boolean ask) {
        return check(configuration, context, stage, text, turns, partial, ask, List.of());
    }

    private StageResult check(RailConfiguration configuration, RequestContext context, Stage stage, String text,
                              int turns, boolean partial, boolean ask, Collection<String> alsoAsk) {
        RailInput input = new RailInput(stage, text, context, null, partial);
        List<Finding> findings = rails.run(configuration, input);
        PolicyInput.TextStats counted = PolicyInput.TextStats.of(text, turns);
        PolicyInput.TextStats stats = new PolicyInput.TextStats(counted.characters(), counted.words(), counted.turns(),
                LanguageRail.languageOf(findings));
        PolicyInput first = new PolicyInput(stage, findings, context, stats, configuration.askable(stage));
        Decision decision = policy.decide(first);
        Set<String> asked = new LinkedHashSet<>(decision.asked());
        asked.addAll(alsoAsk);
        if (!ask || decision.refused() || asked.isEmpty()) {
            return new StageResult(findings, decision);
        }
        PolicyInput second = first.withAnswers(rails.runAsked(configuration, input, asked));
        List<String> consulted = configuration.askable(stage).stream().filter(asked::contains).toList();
        return new StageResult(second.findings(), policy.decide(second), consulted);
    }

    public RailConfiguration configuration(String name) {
        return configurations.get(name);
    }

    public Generator generator() {
        return generator;
    }

    static List<ChatMessage> neutralised(List<ChatMessage> messages) {
        return messages.stream().map(m -> m.withContent(ControlMarkers.neutralise(m.content()))).toList();
    }

    static int turns(List<ChatMessage> messages) {
        return (int) messages.stream().filter(m -> m.role() == Role.USER).count();
    }
}
