package org.newsbrief.compose;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link BriefingEditor} that writes summaries with a language model did to a briefing,
 * for the run's log and its {@code --report}.
 *
 * @param summary all of it in one line, as the run's log shows it
 * @param written stories whose summary the editor wrote
 * @param keptExtractive stories that kept their extractive summary because the written one could
 *     not be used
 * @param droppedSentences written sentences (and headlines) left out because the reports did not
 *     support them
 * @param usage what the model was asked and what it cost
 * @param stories every story as the editor left it, in briefing order
 */
public record EditReport(String summary, int written, int keptExtractive, int droppedSentences, ModelUsage usage,
        List<StoryEdit> stories) {

    public EditReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        stories = List.copyOf(stories);
    }

    /**
     * How the editor left one story.
     *
     * @param id the story's id, which editing keeps
     * @param headline its headline after editing
     * @param authorship who wrote its summary and, when a written one was not used, why
     */
    public record StoryEdit(String id, String headline, Story.Authorship authorship) {

        public StoryEdit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(headline, "headline");
            Objects.requireNonNull(authorship, "authorship");
        }

        /**
         * @param story a story as edited
         * @return what the report says of it
         */
        public static StoryEdit of(Story story) {
            return new StoryEdit(story.id(), story.headline(), story.authorship());
        }
    }

    /**
     * What an edit asked of a language model and what it cost.
     *
     * @param replies prompts the model answered
     * @param fromCache prompts answered from the reply cache, at no cost
     * @param failed prompts the model did not answer usefully, retries exhausted
     * @param notSent prompts not sent: the provider had been given up on or the budget was spent
     * @param httpRequests HTTP requests sent, retries included
     * @param inputTokens tokens sent, as the provider counted them
     * @param outputTokens tokens received
     * @param estimatedCost estimated cost from the configured prices, 0 when no price is set
     * @param providerGivenUp whether the provider failed so often in a row that it was not called again
     * @param budgetSpent whether the budget ran out
     */
    public record ModelUsage(int replies, int fromCache, int failed, int notSent, int httpRequests, long inputTokens,
            long outputTokens, double estimatedCost, boolean providerGivenUp, boolean budgetSpent) {

        /** @return one line for the run's log */
        public String summary() {
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "%d model %s (%d from the cache), %d HTTP %s, %,d tokens in, %,d out",
                    replies + fromCache, replies + fromCache == 1 ? "reply" : "replies", fromCache, httpRequests,
                    httpRequests == 1 ? "request" : "requests", inputTokens, outputTokens));
            if (estimatedCost > 0) {
                line.append(String.format(Locale.ROOT, ", about %.4f in cost", estimatedCost));
            }
            if (failed > 0) {
                line.append(", ").append(failed).append(" failed");
            }
            if (notSent > 0) {
                line.append(", ").append(notSent).append(" not sent");
            }
            if (providerGivenUp) {
                line.append("; the provider failed repeatedly and was not called again");
            }
            if (budgetSpent) {
                line.append("; the budget ran out");
            }
            return line.toString();
        }
    }
}
