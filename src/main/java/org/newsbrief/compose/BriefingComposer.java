package org.newsbrief.compose;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.summarize.Summarizer;
import org.newsbrief.summarize.SummaryLength;

/**
 * Builds the day's briefing: articles about one event become one story (see {@link
 * StoryClustering}) with a summary of all its reports and every outlet listed; stories are
 * ranked by how many outlets covered them and how recent they are, grouped into sections (the
 * sources file's, or topics), capped, and the best of them open the edition as its executive
 * summary.
 */
public final class BriefingComposer {

    /**
     * Limits of an edition.
     *
     * @param maxStories stories in the whole briefing
     * @param maxPerSection stories in one section
     * @param executiveItems lines of the executive summary, 3 to 5
     * @param groupStories whether reports of one event from several outlets become one story
     */
    public record Limits(int maxStories, int maxPerSection, int executiveItems, boolean groupStories) {

        public Limits {
            if (maxStories < 1 || maxPerSection < 1 || executiveItems < 1) {
                throw new IllegalArgumentException("story limits must be at least 1");
            }
        }

        /** @return 40 stories, 10 a section, 5 in the executive summary, reports of one event grouped */
        public static Limits defaults() {
            return new Limits(40, 10, 5, true);
        }

        /** @return these limits with story grouping on or off */
        public Limits withGroupedStories(boolean grouped) {
            return new Limits(maxStories, maxPerSection, executiveItems, grouped);
        }
    }

    private static final int HEADLINE_WORDS = 12;
    /** More than any story's coverage, so a repeat ranks after every new story. */
    private static final double REPEAT_PENALTY = 1000;
    private static final int STORY_NAMES = 5;
    private static final int EDITION_NAMES = 10;

    private final Summarizer summarizer;
    private final SummaryLength length;
    private final Clock clock;
    private final Limits limits;

    /**
     * @param summarizer chooses each story's sentences
     * @param length how long each story's summary may be
     * @param clock the time the edition is stamped with
     */
    public BriefingComposer(Summarizer summarizer, SummaryLength length, Clock clock) {
        this(summarizer, length, clock, Limits.defaults());
    }

    /**
     * @param summarizer chooses each story's sentences
     * @param length how long each story's summary may be
     * @param clock the time the edition is stamped with
     * @param limits how many stories the edition holds
     */
    public BriefingComposer(Summarizer summarizer, SummaryLength length, Clock clock, Limits limits) {
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.length = Objects.requireNonNull(length, "length");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param title the edition's title
     * @param date the day it covers
     * @param articles the analyzed articles, in the order they were read
     * @return the briefing
     */
    public Briefing compose(String title, LocalDate date, List<AnalyzedArticle> articles) {
        return compose(title, date, articles, article -> null, false);
    }

    /**
     * A briefing that knows what earlier editions carried. A story all of whose reports an
     * earlier edition carried is a repeat: left out when {@code dropRepeats}, else marked with
     * that edition's day and ranked after every new story.
     *
     * @param title the edition's title
     * @param date the day it covers
     * @param articles the analyzed articles, in the order they were read
     * @param coveredOn the day of the earlier edition that carried an article, or {@code null}
     * @param dropRepeats whether repeats are left out rather than marked
     * @return the briefing
     */
    public Briefing compose(String title, LocalDate date, List<AnalyzedArticle> articles,
            java.util.function.Function<Article, LocalDate> coveredOn, boolean dropRepeats) {
        return composition(title, date, articles, coveredOn, dropRepeats).briefing();
    }

    /**
     * A briefing and the reports behind each of its stories.
     *
     * @param briefing the briefing
     * @param reports each story's analyzed reports, keyed by the story object itself (an identity
     *     map), for a later stage that writes summaries from them
     */
    public record Composition(Briefing briefing, Map<Story, List<AnalyzedArticle>> reports) {

        public Composition {
            Objects.requireNonNull(briefing, "briefing");
            reports = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(reports));
        }
    }

    /**
     * As {@link #compose(String, LocalDate, List, java.util.function.Function, boolean)}, keeping the
     * reports each story was made from.
     *
     * @param title the edition's title
     * @param date the day it covers
     * @param articles the analyzed articles, in the order they were read
     * @param coveredOn the day of the earlier edition that carried an article, or {@code null}
     * @param dropRepeats whether repeats are left out rather than marked
     * @return the briefing with its stories' reports
     */
    public Composition composition(String title, LocalDate date, List<AnalyzedArticle> articles,
            java.util.function.Function<Article, LocalDate> coveredOn, boolean dropRepeats) {
        Objects.requireNonNull(coveredOn, "coveredOn");
        Map<Story, List<AnalyzedArticle>> reports = new IdentityHashMap<>();
        List<Story> stories = new ArrayList<>();
        Map<Story, Double> importance = new IdentityHashMap<>();
        List<List<AnalyzedArticle>> clusters = limits.groupStories() ? StoryClustering.cluster(articles)
                : articles.stream().map(List::of).toList();
        for (List<AnalyzedArticle> cluster : clusters) {
            LocalDate repeatOf = repeatOf(cluster, coveredOn);
            if (repeatOf != null && dropRepeats) {
                continue;
            }
            Story story = story(cluster, repeatOf);
            stories.add(story);
            reports.put(story, cluster);
            importance.put(story, importance(cluster, story.date(), date) - (repeatOf == null ? 0 : REPEAT_PENALTY));
        }
        stories.sort(Comparator.comparingDouble((Story story) -> -importance.get(story))
                .thenComparing(Story::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Story::headline));

        Map<String, List<Story>> bySection = new LinkedHashMap<>();
        int kept = 0;
        for (Story story : stories) {
            List<Story> section = bySection.computeIfAbsent(story.section(), name -> new ArrayList<>());
            if (kept < limits.maxStories() && section.size() < limits.maxPerSection()) {
                section.add(story);
                kept++;
            }
        }
        List<Section> sections = bySection.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new Section(entry.getKey(), entry.getValue())).toList();
        List<Briefing.Highlight> highlights = sections.stream().flatMap(section -> section.stories().stream())
                .sorted(Comparator.comparingInt(stories::indexOf))
                .filter(story -> !story.summary().isEmpty() && story.coveredOn() == null)
                .limit(limits.executiveItems())
                .map(story -> new Briefing.Highlight(story, story.summary().get(0)))
                .toList();
        return new Composition(new Briefing(title, date, ZonedDateTime.now(clock), highlights, sections,
                KeyNames.of(articles, EDITION_NAMES)), reports);
    }

    /**
     * Coverage counts most: each outlet that reported the story adds its weight from the sources
     * file (1 by default; reports of an unnamed outlet count apart). Recency adds less than one
     * outlet does, so among equal coverage the more recent story comes first.
     */
    static double importance(List<AnalyzedArticle> cluster, LocalDate storyDate, LocalDate edition) {
        Map<String, Double> outlets = new HashMap<>();
        for (AnalyzedArticle article : cluster) {
            String outlet = article.source().source().isEmpty() ? "\0" + article.source().id() : article.source().source();
            outlets.merge(outlet, article.source().weight(), Math::max);
        }
        double coverage = outlets.values().stream().mapToDouble(Double::doubleValue).sum();
        double recency = storyDate == null ? 0 : 1.0 / (1 + Math.abs(ChronoUnit.DAYS.between(storyDate, edition)));
        return coverage + recency;
    }

    /**
     * A story's sentences are told leads first: each report's opening before any report's detail,
     * as a reader of several reports would take them in.
     */
    /** The latest earlier edition that carried the cluster's reports, when it carried all of them. */
    private static LocalDate repeatOf(List<AnalyzedArticle> cluster, java.util.function.Function<Article, LocalDate> coveredOn) {
        LocalDate latest = null;
        for (AnalyzedArticle article : cluster) {
            LocalDate day = coveredOn.apply(article.source());
            if (day == null) {
                return null;
            }
            latest = latest == null || day.isAfter(latest) ? day : latest;
        }
        return latest;
    }

    private Story story(List<AnalyzedArticle> cluster, LocalDate repeatOf) {
        AnalyzedArticle first = cluster.get(0);
        AnalyzedArticle joined = cluster.size() == 1 ? first
                : AnalyzedArticle.combine(new Article("story:" + first.source().id(), "", "", null, "", "", first.source().origin()),
                        cluster);
        List<String> summary = summarizer.summarize(joined, length).sentences().stream()
                .sorted(Comparator.comparingInt((Sentence sentence) -> joined.positionInDocument(sentence.index()))
                        .thenComparingInt(sentence -> joined.documentOf(sentence.index())))
                .map(Sentence::text).toList();
        List<Story.Outlet> outlets = cluster.stream()
                .map(article -> new Story.Outlet(article.source().source(), article.source().url(), headline(article)))
                .toList();
        LocalDate date = cluster.stream().map(article -> article.source().date()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Story(bestHeadline(cluster), summary, outlets, date, section(cluster),
                cluster.stream().anyMatch(article -> !article.sentences().isEmpty()) ? KeyNames.of(cluster, STORY_NAMES) : List.of(),
                first.language(), repeatOf);
    }

    /** The section most of the reports were filed under, or else the topic their words point to. */
    private static String section(List<AnalyzedArticle> cluster) {
        Map<String, Integer> votes = new HashMap<>();
        for (AnalyzedArticle article : cluster) {
            if (!article.source().section().isEmpty()) {
                votes.merge(article.source().section(), 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElseGet(() -> SectionClassifier.shipped().section(cluster));
    }

    /**
     * The title whose words the reports share most: each of its content terms scores the number
     * of reports that use it, so a title naming the event's who and what beats a clever one.
     */
    static String bestHeadline(List<AnalyzedArticle> cluster) {
        if (cluster.size() == 1) {
            return headline(cluster.get(0));
        }
        Map<String, Integer> reports = new HashMap<>();
        for (AnalyzedArticle article : cluster) {
            Set<String> terms = new HashSet<>(StoryClustering.titleTerms(article));
            org.newsbrief.summarize.Terms.of(article.sentences()).forEach(terms::addAll);
            terms.forEach(term -> reports.merge(term, 1, Integer::sum));
        }
        AnalyzedArticle best = cluster.get(0);
        double bestScore = -1;
        for (AnalyzedArticle article : cluster) {
            if (article.title().isBlank()) {
                continue;
            }
            double score = 0;
            for (String term : new HashSet<>(StoryClustering.titleTerms(article))) {
                score += reports.getOrDefault(term, 0);
            }
            if (score > bestScore) {
                bestScore = score;
                best = article;
            }
        }
        return headline(best);
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
