package org.newsbrief.summarize;

import java.util.List;
import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;

/**
 * Sentences scored by a model learned from news with human-written highlights, then chosen as
 * {@link NewsRankSummarizer} chooses: with the sentences they point back to and without repeats.
 * The model is a logistic regression over {@link NewsFeatures} for each {@link ScorerModel.Form}
 * of article, trained on labels from a ROUGE oracle as in SummaRuNNer (Nallapati, Zhai and Zhou,
 * AAAI 2017); see {@code newsbrief train scorer} and the provenance at the head of the model file.
 */
public final class LearnedSummarizer implements Summarizer, SentenceScorer {

    private final ScorerModel model;

    /** With the model shipped with newsbrief. */
    public LearnedSummarizer() {
        this(ScorerModel.shipped());
    }

    /** @param model the sentence model */
    public LearnedSummarizer(ScorerModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public double[] scores(AnalyzedArticle article) {
        return scores(article, Terms.words(article.sentences()));
    }

    private double[] scores(AnalyzedArticle article, List<List<String>> words) {
        double[][] features = NewsFeatures.of(article, words);
        ScorerModel.Part part = model.part(ScorerModel.Form.of(article));
        double[] scores = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            scores[i] = part.score(features[i], article.sentences().get(i).wordCount());
        }
        return scores;
    }

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        List<List<String>> words = Terms.words(article.sentences());
        return NewsRankSummarizer.select(article, scores(article, words), TermVectors.of(words), length,
                NewsRankSummarizer.REDUNDANCY, name());
    }

    @Override
    public String name() {
        return "learned";
    }
}
