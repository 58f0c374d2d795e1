package org.newsbrief.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading some input produced: the articles, and the inputs that had to be skipped.
 *
 * @param articles articles in the order they were read
 * @param skipped inputs that could not be used, with the reason
 */
public record IngestResult(List<Article> articles, List<SkippedInput> skipped) {

    public IngestResult {
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }

    static IngestResult of(Article article) {
        return new IngestResult(List.of(article), List.of());
    }

    static IngestResult failed(SkippedInput skipped) {
        return new IngestResult(List.of(), List.of(skipped));
    }

    /**
     * @param results results to join, in order
     * @return one result holding all their articles and skipped inputs
     */
    public static IngestResult concat(List<IngestResult> results) {
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        for (IngestResult result : results) {
            articles.addAll(result.articles());
            skipped.addAll(result.skipped());
        }
        return new IngestResult(articles, skipped);
    }
}
