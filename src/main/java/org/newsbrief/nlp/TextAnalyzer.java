package org.newsbrief.nlp;

import org.newsbrief.ingest.Article;

/** Turns an article into its analyzed, segmented form. */
public interface TextAnalyzer {

    /**
     * @param article the article as read
     * @return its title, headings, paragraphs, sentences, tokens and language
     * @throws AnalysisException when a model cannot be loaded
     */
    AnalyzedArticle analyze(Article article);
}
