package org.newsbrief.summarize;

import org.newsbrief.nlp.AnalyzedArticle;

/**
 * The first sentences of the article. News is written with the essentials first (the inverted
 * pyramid), which makes this the baseline every other summarizer must beat; see Nenkova, "Automatic
 * Text Summarization of Newswire: Lessons Learned from the Document Understanding Conference"
 * (AAAI 2005).
 */
public final class LeadSummarizer extends ScoringSummarizer {

    @Override
    public double[] scores(AnalyzedArticle article) {
        int count = article.sentences().size();
        double[] scores = new double[count];
        for (int i = 0; i < count; i++) {
            scores[i] = count - i;
        }
        return scores;
    }

    @Override
    public String name() {
        return "lead";
    }
}
