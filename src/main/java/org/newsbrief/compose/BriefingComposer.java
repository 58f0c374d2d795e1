package org.newsbrief.compose;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;

/** Builds the briefing: one summarized item per article, newest first, undated ones last. */
public final class BriefingComposer {

    private static final int HEADLINE_WORDS = 12;

    private final Summarizer summarizer;
    private final SummaryLength length;
    private final Clock clock;

    /**
     * @param summarizer chooses each item's sentences
     * @param length how long each item's summary may be
     * @param clock the time the edition is stamped with
     */
    public BriefingComposer(Summarizer summarizer, SummaryLength length, Clock clock) {
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.length = Objects.requireNonNull(length, "length");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param title the edition's title
     * @param date the day it covers
     * @param articles the analyzed articles, in the order they were read
     * @return the briefing
     */
    public Briefing compose(String title, LocalDate date, List<AnalyzedArticle> articles) {
        List<AnalyzedArticle> ordered = new ArrayList<>(articles);
        ordered.sort(Comparator.comparing((AnalyzedArticle article) -> article.source().date(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<BriefingItem> items = new ArrayList<>();
        for (AnalyzedArticle article : ordered) {
            items.add(new BriefingItem(headline(article), article.source().source(), article.source().date(),
                    article.source().url(), summarizer.summarize(article, length).texts(), article.language()));
        }
        return new Briefing(title, date, ZonedDateTime.now(clock), items);
    }

    /**
     * The article's title; without one, the opening words of its first sentence; without any
     * sentence, the name of the file it came from.
     */
    static String headline(AnalyzedArticle article) {
        if (!article.title().isBlank()) {
            return article.title();
        }
        if (!article.sentences().isEmpty()) {
            String[] words = article.sentences().get(0).text().split("\\s+");
            if (words.length <= HEADLINE_WORDS) {
                return String.join(" ", words);
            }
            return String.join(" ", Arrays.asList(words).subList(0, HEADLINE_WORDS)) + " …";
        }
        String origin = article.source().origin();
        int slash = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
        return origin.substring(slash + 1);
    }
}
