package org.newsbrief.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsbrief.compose.EditReport;
import org.newsbrief.events.RunLog;
import org.newsbrief.internal.Sleeper;

/**
 * One model, asked one prompt at a time from many threads, for one run: the cache answers first;
 * then the run's budget and circuit breaker decide whether the provider is called at all. Every
 * reply and every failure is counted. A failure is returned, never thrown, so each caller falls
 * back on its own.
 */
final class LlmClient {

    private final LlmSettings settings;
    private final String system;
    private final Map<PromptTemplates.Kind, ChatModel> models;
    private final ResponseCache cache;
    private final AtomicInteger requests;
    private final AtomicBoolean breakerOpen;

    private int calls;
    private int cached;
    private int failed;
    private int skipped;
    private long inputTokens;
    private long outputTokens;
    private int failuresInARow;
    private boolean budgetSpent;

    /**
     * A client for one run, with its own counters, budget and circuit breaker.
     *
     * @param settings the provider, model and limits
     * @param system the system prompt every request carries
     * @param clock the clock {@code Retry-After} dates are read and reply deadlines measured against
     * @param sleeper waits between attempts
     * @param log told of cache files that cannot be read or written
     * @return the client
     */
    static LlmClient open(LlmSettings settings, String system, Clock clock, Sleeper sleeper, RunLog log) {
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean breakerOpen = new AtomicBoolean();
        Random random = new Random();
        // one model per prompt, so that each request can say which prompt it carries
        Map<PromptTemplates.Kind, ChatModel> models = new EnumMap<>(PromptTemplates.Kind.class);
        for (PromptTemplates.Kind kind : EnumSet.complementOf(EnumSet.of(PromptTemplates.Kind.SYSTEM))) {
            models.put(kind, settings.provider().chatModel(settings, new RetryingHttpClient.Builder(settings.retry(), sleeper,
                    random, clock, requests, breakerOpen::get, kind.promptName())));
        }
        ResponseCache cache = settings.cache() == null ? null : new ResponseCache(settings.cache(), log);
        return new LlmClient(settings, system, models, cache, requests, breakerOpen);
    }

    /**
     * @param settings limits, prices and the parameters that key the cache
     * @param system the system prompt every request carries
     * @param models the model built once for each user prompt
     * @param cache the reply cache, or {@code null} for none
     * @param requests counts HTTP requests, shared with the HTTP client
     * @param breakerOpen set once the provider is given up on; shared with the HTTP client, which
     *     then stops retrying the calls already under way
     */
    LlmClient(LlmSettings settings, String system, Map<PromptTemplates.Kind, ChatModel> models, ResponseCache cache,
            AtomicInteger requests, AtomicBoolean breakerOpen) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.system = Objects.requireNonNull(system, "system");
        this.models = Map.copyOf(models);
        this.cache = cache;
        this.requests = Objects.requireNonNull(requests, "requests");
        this.breakerOpen = Objects.requireNonNull(breakerOpen, "breakerOpen");
    }

    /**
     * The model's answer, or why there is none.
     *
     * @param text the reply, or {@code null}
     * @param failure why there is no reply, or {@code null}
     * @param budgetSpent whether there is none because the budget ran out, rather than because the
     *     service failed
     */
    record Reply(String text, String failure, boolean budgetSpent) {

        static Reply of(String text) {
            return new Reply(text, null, false);
        }

        boolean ok() {
            return text != null;
        }
    }

    /**
     * @param prompt the user message, untrusted parts already fenced
     * @return the reply, or the reason there is none
     */
    Reply ask(Prompt prompt) {
        String user = prompt.text();
        String key = ResponseCache.key(List.of(settings.provider().id(), settings.model(),
                Double.toString(settings.temperature()), Integer.toString(settings.maxTokens()), system, user));
        if (cache != null) {
            Optional<ResponseCache.Entry> hit = cache.get(key);
            if (hit.isPresent()) {
                synchronized (this) {
                    cached++;
                }
                return Reply.of(hit.get().text());
            }
        }
        synchronized (this) {
            if (breakerOpen.get()) {
                skipped++;
                return new Reply(null, "the provider failed " + settings.breakerThreshold() + " times in a row", false);
            }
            if (overBudget()) {
                budgetSpent = true;
                skipped++;
                return new Reply(null, "the LLM budget is spent", true);
            }
        }
        ChatResponse response;
        try {
            response = models.get(prompt.kind()).chat(ChatRequest.builder()
                    .messages(SystemMessage.from(system), UserMessage.from(user)).build());
        } catch (RuntimeException e) {
            return failure(describe(e));
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            return failure("the model sent an empty reply");
        }
        TokenUsage usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        synchronized (this) {
            calls++;
            failuresInARow = 0;
            inputTokens += in;
            outputTokens += out;
        }
        if (cache != null) {
            cache.put(key, new ResponseCache.Entry(text, in, out));
        }
        return Reply.of(text);
    }

    /** @return what was asked and spent so far */
    synchronized EditReport.ModelUsage usage() {
        return new EditReport.ModelUsage(calls, cached, failed, skipped, requests.get(), inputTokens, outputTokens, cost(),
                breakerOpen.get(), budgetSpent);
    }

    private synchronized Reply failure(String reason) {
        failed++;
        failuresInARow++;
        if (failuresInARow >= settings.breakerThreshold()) {
            breakerOpen.set(true);
        }
        return new Reply(null, reason, false);
    }

    private boolean overBudget() {
        return settings.budgetTokens() > 0 && inputTokens + outputTokens >= settings.budgetTokens()
                || settings.budgetCost() > 0 && cost() >= settings.budgetCost();
    }

    private double cost() {
        return (inputTokens * settings.inputPrice() + outputTokens * settings.outputPrice()) / 1_000_000;
    }

    /** The first line of the deepest message, which names the status and the server. */
    private static String describe(Throwable error) {
        Throwable cause = error;
        String message = null;
        while (cause != null) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
                if (cause instanceof dev.langchain4j.exception.HttpException
                        || cause instanceof dev.langchain4j.exception.TimeoutException) {
                    break;
                }
            }
            cause = cause.getCause();
        }
        String line = message == null ? error.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
