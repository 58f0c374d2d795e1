/**
 * Extractive summarization: a {@link org.newsbrief.summarize.Summarizer} picks sentences of an
 * {@link org.newsbrief.nlp.AnalyzedArticle} within a {@link org.newsbrief.summarize.SummaryLength}
 * and returns them verbatim, in document order. {@link org.newsbrief.summarize.Algorithm} maps the
 * names users type to the implementations.
 */
package org.newsbrief.summarize;
