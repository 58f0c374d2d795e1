package org.newsbrief.llm;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.BriefingEditor;
import org.newsbrief.events.RunLog;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.nlp.TextAnalyzer;

/**
 * Rewrites a composed briefing's summaries with a language model, map then reduce: each report
 * is summarized on its own, each story from its reports' summaries, the executive summary from
 * the stories, and each written story gets a headline. Every sentence the model writes is checked
 * against the reports ({@link Grounding}); what fails is dropped and counted. A story whose
 * written summary fails, is too thin or could not be had at all keeps its extractive summary,
 * marked as a fallback, so the briefing goes out whatever the model does.
 *
 * <p>The editor holds only its settings and the checked prompts; each {@link #edit} is a run of
 * its own, with its own circuit breaker, budget and counts.
 */
public final class LlmBriefingEditor implements BriefingEditor {

    private final LlmSettings settings;
    private final PromptTemplates prompts;
    private final Replies replies;
    private final Clock clock;
    private final Sleeper sleeper;

    private LlmBriefingEditor(LlmSettings settings, PromptTemplates prompts, Replies replies, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Builds the editor. The prompts are read and checked here, before any request.
     *
     * @param settings the provider, model and limits
     * @param analyzer splits the model's replies into sentences
     * @param clock the clock {@code Retry-After} dates are read and reply deadlines measured against
     * @return the editor
     * @throws LlmException when a prompt is wrong
     */
    public static LlmBriefingEditor create(LlmSettings settings, TextAnalyzer analyzer, Clock clock) {
        return create(settings, analyzer, clock, Sleeper.real());
    }

    static LlmBriefingEditor create(LlmSettings settings, TextAnalyzer analyzer, Clock clock, Sleeper sleeper) {
        return new LlmBriefingEditor(settings, PromptTemplates.load(settings.prompts()), new Replies(analyzer), clock, sleeper);
    }

    @Override
    public Edited edit(BriefingComposer.Composition composition, RunLog log) {
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(log, "log");
        LlmClient client = LlmClient.open(settings, prompts.fill(PromptTemplates.Kind.SYSTEM, Map.of()), clock, sleeper, log);
        StoryPrompts storyPrompts = new StoryPrompts(prompts, settings.maxWords(), settings.maxInputTokens(),
                composition.briefing().date(), log);
        return new EditRun(settings, storyPrompts, replies, client, log).edit(composition);
    }
}
