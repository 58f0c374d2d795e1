package org.newsbrief.compose;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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
import org.newsbrief.internal.Hashing;

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
     * @param window how old an article may be, counted back from the edition, or {@code null} for
     *     any age; articles without a date are kept
     * @param watch terms that make a story matter more when it mentions them
     */
    public record Limits(int maxStories, int maxPerSection, int executiveItems, boolean groupStories,
            java.time.Duration window, List<String> watch) {

        public Limits {
            if (maxStories < 1 || maxPerSection < 1 || executiveItems < 1) {
                throw new IllegalArgumentException("story limits must be at least 1");
            }
            if (window != null && (window.isNegative() || window.isZero())) {
                throw new IllegalArgumentException("the window must be longer than zero, was " + window);
            }
            watch = watch == null ? List.of() : watch.stream().map(String::strip).filter(term -> !term.isEmpty()).toList();
        }

        /**
         * Limits without a window or a watchlist.
         *
         * @param maxStories stories in the whole briefing
         * @param maxPerSection stories in one section
         * @param executiveItems lines of the executive summary
         * @param groupStories whether reports of one event become one story
         */
        public Limits(int maxStories, int maxPerSection, int executiveItems, boolean groupStories) {
            this(maxStories, maxPerSection, executiveItems, groupStories, null, List.of());
        }

        /**
         * @param text an age such as {@code 24h}, {@code 2d}, {@code 1w} or {@code 90m}
         * @return the duration
         * @throws IllegalArgumentException when the text is not such an age
         */
        public static java.time.Duration age(String text) {
            java.util.regex.Matcher matcher = AGE.matcher(text.toLowerCase(java.util.Locale.ROOT));
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
                throw new IllegalArgumentException("'" + text + "' is not an age such as 24h, 2d, 1w or 90m");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "m" -> java.time.Duration.ofMinutes(amount);
                case "h" -> java.time.Duration.ofHours(amount);
                case "d" -> java.time.Duration.ofDays(amount);
                default -> java.time.Duration.ofDays(7 * amount);
            };
        }

        /** @return 40 stories, 10 a section, 5 in the executive summary, reports of one event grouped */
        public static Limits defaults() {
            return new Limits(40, 10, 5, true);
        }

        /** @return these limits with story grouping on or off */
        public Limits withGroupedStories(boolean grouped) {
            return new Limits(maxStories, maxPerSection, executiveItems, grouped, window, watch);
        }

        /**
         * @param window how old an article may be, or {@code null}
         * @param watch the watched terms
         * @return these limits with that window and watchlist
         */
        public Limits with(java.time.Duration window, List<String> watch) {
            return new Limits(maxStories, maxPerSection, executiveItems, groupStories, window, watch);
        }
    }

    private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*([mhdw])\\s*");
    private static final int HEADLINE_WORDS = 12;
    /** Reports a story's summary and names are drawn from, at most. */
    static final int TOLD_FROM = 10;
    /** Reports a story's names are drawn from, at most. */
    static final int NAMED_FROM = 4;
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
     * @param reports each story's analyzed reports, keyed by {@link Story#id()}, for a later stage
     *     that edits the stories from them
     */
    public record Composition(Briefing briefing, Map<String, List<AnalyzedArticle>> reports) {

        public Composition {
            Objects.requireNonNull(briefing, "briefing");
            reports = Map.copyOf(reports);
        }

        /**
         * @param story a story of the briefing, or an edited version of one, which keeps its id
         * @return the reports it was made from; none for a story this composition does not know
         */
        public List<AnalyzedArticle> reportsOf(Story story) {
            return reports.getOrDefault(story.id(), List.of());
        }
    }

    /** A story before it is told, with the reports it is made from. */
    private record Drafted(Story story, List<AnalyzedArticle> cluster) {}

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
        List<Briefing.LeftOut> leftOut = new ArrayList<>();
        List<AnalyzedArticle> recent = withinWindow(articles, date, leftOut);
        StoryClustering.Grouping grouping = StoryClustering.group(recent, StoryClustering.Settings.DEFAULT,
                limits.groupStories());
        List<Drafted> stories = new ArrayList<>();
        for (List<AnalyzedArticle> group : grouping.stories()) {
            // reports in an order of their own, so the order they were read in changes nothing
            List<AnalyzedArticle> cluster = group.stream().sorted(Comparator.comparing((AnalyzedArticle article) ->
                    article.source().date(), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(article -> article.source().key())).toList();
            LocalDate repeatOf = repeatOf(cluster, coveredOn);
            Story story = draft(cluster, repeatOf);
            if (repeatOf != null && dropRepeats) {
                leftOut.add(new Briefing.LeftOut(story.headline(), cluster.get(0).source().origin(),
                        "carried by the edition of " + repeatOf));
                continue;
            }
            Story.Ranking ranking = Importance.of(cluster, story, date, limits.watch());
            if (repeatOf != null) {
                List<String> why = new ArrayList<>(ranking.why());
                why.add("carried by the edition of " + repeatOf);
                ranking = new Story.Ranking(0, ranking.score() - REPEAT_PENALTY, why);
            }
            stories.add(new Drafted(story.ranked(ranking), cluster));
        }
        stories.sort(Comparator.comparing(Drafted::story, Comparator.comparingDouble((Story story) -> -story.ranking().score())
                .thenComparing(Story::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Story::id)));

        Map<String, Integer> perSection = new HashMap<>();
        List<Drafted> chosen = new ArrayList<>();
        for (Drafted drafted : stories) {
            Story story = drafted.story();
            int inSection = perSection.getOrDefault(story.section(), 0);
            if (chosen.size() >= limits.maxStories()) {
                leftOut.add(new Briefing.LeftOut(story.headline(), drafted.cluster().get(0).source().origin(),
                        "over the cap of " + limits.maxStories() + " stories"));
            } else if (inSection >= limits.maxPerSection()) {
                leftOut.add(new Briefing.LeftOut(story.headline(), drafted.cluster().get(0).source().origin(),
                        "over the cap of " + limits.maxPerSection() + " stories in " + story.section()));
            } else {
                perSection.put(story.section(), inSection + 1);
                chosen.add(drafted);
            }
        }
        // Summaries and names (names need parts of speech, the slowest analysis there is) are made
        // only for the stories kept, on all processors.
        List<List<AnalyzedArticle>> cores = chosen.stream().map(drafted -> core(drafted.cluster(), grouping)).toList();
        List<Story> told = java.util.stream.IntStream.range(0, chosen.size()).parallel()
                .mapToObj(i -> told(chosen.get(i).story(), chosen.get(i).cluster(), cores.get(i))).toList();
        Map<String, List<Story>> bySection = new LinkedHashMap<>();
        Map<String, List<AnalyzedArticle>> kept = new HashMap<>();
        for (int i = 0; i < told.size(); i++) {
            Story story = told.get(i);
            Story ranked = story.ranked(new Story.Ranking(i + 1, story.ranking().score(), story.ranking().why()));
            bySection.computeIfAbsent(story.section(), name -> new ArrayList<>()).add(ranked);
            kept.put(ranked.id(), chosen.get(i).cluster());
        }
        List<Section> sections = bySection.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new Section(entry.getKey(), entry.getValue())).toList();
        List<Briefing.Highlight> highlights = executive(sections, kept, grouping);
        return new Composition(new Briefing(title, date, ZonedDateTime.now(clock), highlights, sections,
                KeyNames.of(cores.stream().flatMap(core -> core.subList(0, Math.min(NAMED_FROM, core.size())).stream())
                        .toList(), EDITION_NAMES),
                leftOut), kept);
    }

    /**
     * The executive summary: the most important new stories, one line each, no two of which may
     * tell of one event (two stories whose closest reports are alike enough to have started one
     * story), and no second story from a section while another section has one to offer.
     */
    private List<Briefing.Highlight> executive(List<Section> sections, Map<String, List<AnalyzedArticle>> reports,
            StoryClustering.Grouping grouping) {
        List<Story> ranked = sections.stream().flatMap(section -> section.stories().stream())
                .filter(story -> !story.summary().isEmpty() && story.coveredOn() == null)
                .sorted(Comparator.comparingInt(story -> story.ranking().rank()))
                .toList();
        List<Story> chosen = new ArrayList<>();
        Set<String> sectionsUsed = new HashSet<>();
        for (int pass = 0; pass < 2 && chosen.size() < limits.executiveItems(); pass++) {
            for (Story story : ranked) {
                if (chosen.size() >= limits.executiveItems()) {
                    break;
                }
                if (chosen.contains(story) || pass == 0 && sectionsUsed.contains(story.section())) {
                    continue;
                }
                boolean sameEvent = chosen.stream().anyMatch(other ->
                        grouping.strongest(reports.get(story.id()), reports.get(other.id())) >= StoryClustering.SEED);
                if (!sameEvent) {
                    chosen.add(story);
                    sectionsUsed.add(story.section());
                }
            }
        }
        chosen.sort(Comparator.comparingInt(story -> story.ranking().rank()));
        return chosen.stream().map(story -> new Briefing.Highlight(story, story.summary().get(0))).toList();
    }

    /** The articles the window admits; each older one is noted as left out. */
    private List<AnalyzedArticle> withinWindow(List<AnalyzedArticle> articles, LocalDate edition,
            List<Briefing.LeftOut> leftOut) {
        if (limits.window() == null) {
            return articles;
        }
        java.time.ZonedDateTime now = ZonedDateTime.now(clock);
        java.time.ZonedDateTime endOfEdition = edition.plusDays(1).atStartOfDay(clock.getZone());
        java.time.ZonedDateTime reference = now.isBefore(endOfEdition) ? now : endOfEdition;
        // Articles carry a day, not a time: one is too old only when its whole day lies before the window.
        LocalDate oldest = reference.minus(limits.window()).toLocalDate();
        List<AnalyzedArticle> kept = new ArrayList<>();
        for (AnalyzedArticle article : articles) {
            LocalDate day = article.source().date();
            if (day != null && day.isBefore(oldest)) {
                leftOut.add(new Briefing.LeftOut(headline(article), article.source().origin(),
                        "too old: published " + day + ", before the window of " + window(limits.window())));
            } else {
                kept.add(article);
            }
        }
        return kept;
    }

    /** "24h", "7d", "90m": a window as the user gives it. */
    static String window(java.time.Duration window) {
        if (window.toDays() > 0 && window.equals(java.time.Duration.ofDays(window.toDays()))) {
            return window.toDays() + "d";
        }
        if (window.toHours() > 0 && window.equals(java.time.Duration.ofHours(window.toHours()))) {
            return window.toHours() + "h";
        }
        return window.toMinutes() + "m";
    }

    /**
     * Groups reports of one event, as a briefing does (see {@link StoryClustering}).
     *
     * @param articles the day's articles
     * @return the stories, each a list of articles in input order, stories in order of their first article
     */
    public static List<List<AnalyzedArticle>> group(List<AnalyzedArticle> articles) {
        return StoryClustering.cluster(articles);
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

    /** A story's headline, reports, date, section and id: all that ranking needs, before it is told. */
    private Story draft(List<AnalyzedArticle> cluster, LocalDate repeatOf) {
        List<Story.Outlet> outlets = cluster.stream()
                .map(article -> new Story.Outlet(article.source().source(), article.source().url(), headline(article),
                        article.source().origin()))
                .toList();
        LocalDate date = cluster.stream().map(article -> article.source().date()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Story(bestHeadline(cluster), List.of(), outlets, date, section(cluster), List.of(),
                cluster.get(0).language(), repeatOf, Story.Authorship.EXTRACTED, id(cluster), Story.Ranking.NONE, List.of());
    }

    /**
     * The story told: its summary, quoted from its core reports (see {@link #core}), and the names
     * its first {@value #NAMED_FROM} core reports mention.
     */
    private Story told(Story draft, List<AnalyzedArticle> cluster, List<AnalyzedArticle> core) {
        AnalyzedArticle first = core.get(0);
        List<AnalyzedArticle> told = core;
        AnalyzedArticle joined = told.size() == 1 ? first
                : AnalyzedArticle.combine(new Article("story:" + first.source().id(), "", "", null, "", "", first.source().origin()),
                        told);
        List<Sentence> chosen = summarizer.summarize(joined, length).sentences().stream()
                .sorted(Comparator.comparingInt((Sentence sentence) -> joined.positionInDocument(sentence.index()))
                        .thenComparingInt(sentence -> joined.documentOf(sentence.index())))
                .toList();
        List<String> summary = chosen.stream().map(Sentence::text).toList();
        List<Story.Quote> sources = new ArrayList<>();
        for (Sentence sentence : chosen) {
            if (joined == first) {
                // A lone report may itself be joined from pieces (as batch records are), so its own
                // document numbers say nothing about the story: its sentences are its own already.
                sources.add(new Story.Quote(indexOf(cluster, first), sentence.start(), sentence.end()));
                continue;
            }
            AnalyzedArticle report = told.get(joined.documentOf(sentence.index()));
            Sentence own = report.sentences().get(joined.positionInDocument(sentence.index()));
            sources.add(new Story.Quote(indexOf(cluster, report), own.start(), own.end()));
        }
        List<AnalyzedArticle> named = told.subList(0, Math.min(NAMED_FROM, told.size()));
        List<String> names = named.stream().anyMatch(article -> !article.sentences().isEmpty())
                ? KeyNames.of(named, STORY_NAMES) : List.of();
        return new Story(draft.headline(), summary, draft.outlets(), draft.date(), draft.section(), names, draft.language(),
                draft.coveredOn(), draft.authorship(), draft.id(), draft.ranking(), sources);
    }

    /**
     * The reports a story is told from: all of them, or for a story of more than {@value
     * #TOLD_FROM} the {@value #TOLD_FROM} most like the rest, which say what the others say; all
     * stay listed. In the story's order.
     */
    private static List<AnalyzedArticle> core(List<AnalyzedArticle> cluster, StoryClustering.Grouping grouping) {
        if (cluster.size() <= TOLD_FROM) {
            return cluster;
        }
        Map<AnalyzedArticle, Double> centrality = new IdentityHashMap<>();
        for (AnalyzedArticle article : cluster) {
            double sum = 0;
            for (AnalyzedArticle other : cluster) {
                sum += other == article ? 0 : grouping.similarity(article, other);
            }
            centrality.put(article, sum);
        }
        Set<AnalyzedArticle> central = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        cluster.stream().sorted(Comparator.comparingDouble((AnalyzedArticle article) -> -centrality.get(article))
                .thenComparing(article -> article.source().key())).limit(TOLD_FROM).forEach(central::add);
        return cluster.stream().filter(central::contains).toList();
    }

    private static int indexOf(List<AnalyzedArticle> cluster, AnalyzedArticle report) {
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.get(i) == report) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a report of the story");
    }

    /**
     * @param briefing a briefing
     * @param order section names in the order they should come, in any case
     * @return the briefing with those sections first, in that order, and the others after them in
     *     their ranked order; the same briefing when the order names none
     */
    public static Briefing ordered(Briefing briefing, List<String> order) {
        if (order.isEmpty()) {
            return briefing;
        }
        List<String> names = order.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
        List<Section> sections = new ArrayList<>(briefing.sections());
        sections.sort(java.util.Comparator.comparingInt(section -> {
            int index = names.indexOf(section.name().toLowerCase(java.util.Locale.ROOT));
            return index < 0 ? names.size() : index;
        }));
        return new Briefing(briefing.title(), briefing.date(), briefing.generatedAt(), briefing.executiveSummary(), sections,
                briefing.keyNames(), briefing.leftOut());
    }

    /** The same reports give the same id, in whatever order they were read. */
    static String id(List<AnalyzedArticle> cluster) {
        List<String> keys = cluster.stream().map(article -> article.source().key()).sorted().toList();
        return Hashing.sha256Hex(String.join("\n", keys), 8);
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
