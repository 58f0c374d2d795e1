/**
 * newsbrief turns a day's news into a short briefing. The pipeline runs
 * {@code ingest → nlp → summarize → compose → (edit) → render → deliver}.
 *
 * <p>{@link org.newsbrief.Newsbrief} is the facade and the one composition root: built once from
 * {@link org.newsbrief.config.NewsbriefConfig settings} and a clock, it creates every component and
 * chooses the optional ones, and each of its operations takes values and returns values.
 * {@link org.newsbrief.Editions} is its desk for scheduled, delivered editions, and
 * {@link org.newsbrief.BatchSummarization} its bulk summarizer for JSON Lines.
 *
 * <p>The public API is this package, the settings records ({@code config} and each stage's
 * {@code *Settings}), the run events ({@code events}), the stage interfaces ({@code ArticleSource},
 * {@code TextAnalyzer}, {@code Summarizer}, {@code BriefingEditor}, {@code Mailer}) and the data
 * records the stages pass on. {@code org.newsbrief.internal} is not API.
 */
package org.newsbrief;
