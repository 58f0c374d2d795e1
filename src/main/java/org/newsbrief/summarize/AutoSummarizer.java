package org.newsbrief.summarize;

import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;

/**
 * newsbrief's default: for each kind of input, the algorithm that measured best on the
 * development sets (see the README's tables). One article goes to the {@link LearnedSummarizer},
 * which beat lead and every unsupervised scorer on CNN/DailyMail highlights and on BBC's
 * extractive summaries; several reports of one story go to the {@link StoryMmrSummarizer}, which
 * had the best ROUGE-1 recall on both DUC 2003 sets and tells no fact twice.
 */
public final class AutoSummarizer implements Summarizer {

    private final Summarizer single;
    private final Summarizer multiple;

    /** With the choices measured best. */
    public AutoSummarizer() {
        this(new LearnedSummarizer(), new StoryMmrSummarizer());
    }

    /**
     * @param single for one article
     * @param multiple for several documents joined with {@link AnalyzedArticle#combine}
     */
    public AutoSummarizer(Summarizer single, Summarizer multiple) {
        this.single = Objects.requireNonNull(single, "single");
        this.multiple = Objects.requireNonNull(multiple, "multiple");
    }

    @Override
    public Summary summarize(AnalyzedArticle article, SummaryLength length) {
        Summary chosen = (article.documentCount() > 1 ? multiple : single).summarize(article, length);
        return new Summary(chosen.sentences(), name());
    }

    @Override
    public String name() {
        return "auto";
    }
}
