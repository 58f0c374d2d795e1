package org.newsbrief.summarize;

import org.newsbrief.nlp.AnalyzedArticle;

/** A summarizer that scores sentences and then takes the best that fit the length. */
abstract class ScoringSummarizer implements Summarizer, SentenceScorer {

    @Override
    public final Summary summarize(AnalyzedArticle article, SummaryLength length) {
        return Selection.best(article.sentences(), scores(article), length, name());
    }
}
