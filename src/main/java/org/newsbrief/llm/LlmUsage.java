package org.newsbrief.llm;

import java.util.Locale;

/**
 * What a run asked of the model and what it cost.
 *
 * @param calls prompts answered by the model
 * @param cached prompts answered from the cache, at no cost
 * @param failed prompts the model did not answer usefully, retries exhausted
 * @param skipped prompts not sent: the circuit breaker was open or the budget spent
 * @param requests HTTP requests sent, retries included
 * @param inputTokens tokens sent, as the provider counted them
 * @param outputTokens tokens received
 * @param cost estimated cost from the configured prices, 0 when no price is set
 * @param breakerOpen whether the provider was given up on during the run
 * @param budgetSpent whether the budget ran out during the run
 */
public record LlmUsage(int calls, int cached, int failed, int skipped, int requests, long inputTokens,
        long outputTokens, double cost, boolean breakerOpen, boolean budgetSpent) {

    /** @return one line for the run's report */
    public String summary() {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%d model %s (%d from the cache), %d HTTP %s, %,d tokens in, %,d out",
                calls + cached, calls + cached == 1 ? "reply" : "replies", cached, requests,
                requests == 1 ? "request" : "requests", inputTokens, outputTokens));
        if (cost > 0) {
            line.append(String.format(Locale.ROOT, ", about %.4f in cost", cost));
        }
        if (failed > 0) {
            line.append(", ").append(failed).append(" failed");
        }
        if (skipped > 0) {
            line.append(", ").append(skipped).append(" not sent");
        }
        if (breakerOpen) {
            line.append("; the provider failed repeatedly and was not called again");
        }
        if (budgetSpent) {
            line.append("; the budget ran out");
        }
        return line.toString();
    }
}
