/**
 * The newsbrief core as an Apache Flink job: {@link org.newsbrief.flink.SummarizeJob} reads JSON
 * Lines articles, summarizes each record as {@code newsbrief summarize --input} does, and marks
 * near-duplicate copies with a keyed MinHash step, on as many machines as the cluster gives it.
 *
 * <p>Every summary is the core's own: the job hands lines to
 * {@link org.newsbrief.BatchSummarization#summarizeLine} and pairs to
 * {@link org.newsbrief.ingest.NearDuplicates#near}, and adds only the parts an engine needs:
 * reading files with line numbers, one set of models per worker JVM, and the keys that spread the
 * search for copies.
 */
package org.newsbrief.flink;
