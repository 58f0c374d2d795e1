package org.newsbrief.compose;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One event of the day, told once, however many outlets reported it.
 *
 * @param headline the most informative of the articles' titles
 * @param summary the summary's sentences, verbatim from the articles, no fact twice
 * @param outlets who reported it, with a link to each report
 * @param date the latest publication date among the reports, or {@code null} when none is known
 * @param section the briefing section it belongs in
 * @param keyNames people, places and organizations it names, most mentioned first
 * @param language ISO 639-3 code of the first report's language
 * @param coveredOn the day of the earlier edition that already carried every one of its reports,
 *     or {@code null} when the story is new
 * @param authorship who wrote the summary: quoted from the reports, or written by a model and
 *     checked against them
 * @param id a stable identifier: the same reports always give the same id, whatever their order
 * @param ranking where the story stands among the day's and why
 * @param sources where each summary sentence was quoted from, in summary order; empty when the
 *     summary was written rather than quoted
 */
public record Story(String headline, List<String> summary, List<Outlet> outlets, LocalDate date, String section,
        List<String> keyNames, String language, LocalDate coveredOn, Authorship authorship, String id,
        Ranking ranking, List<Quote> sources) {

    /**
     * Where a story stands.
     *
     * @param rank 1 for the most important story of the edition, 0 before ranking
     * @param score the importance it was ranked by
     * @param why the reasons, in words, such as "reported by 3 outlets" or "mentions ECB (watchlist)"
     */
    public record Ranking(int rank, double score, List<String> why) {

        /** Not ranked yet. */
        public static final Ranking NONE = new Ranking(0, 0, List.of());

        public Ranking {
            why = List.copyOf(why);
        }
    }

    /**
     * Where one summary sentence comes from.
     *
     * @param report the index of the report in {@link #outlets()}
     * @param start the sentence's first character in that report's text
     * @param end one past its last character
     */
    public record Quote(int report, int start, int end) {}

    /**
     * How a story's summary was made.
     *
     * @param method extracted, written by a model, or extracted because the model's summary could
     *     not be used
     * @param checkedSources how many reports a written summary was checked against
     * @param reason why a model's summary was not used, or an empty string
     */
    public record Authorship(Method method, int checkedSources, String reason) {

        /** Sentences quoted from the reports, no model involved: the default. */
        public static final Authorship EXTRACTED = new Authorship(Method.EXTRACTED, 0, "");

        public Authorship {
            java.util.Objects.requireNonNull(method, "method");
            reason = reason == null ? "" : reason;
        }

        /** How the summary was made. */
        public enum Method {
            /** Quoted from the reports. */
            EXTRACTED,
            /** Written by a language model; every sentence checked against the reports. */
            MODEL_WRITTEN,
            /** Quoted from the reports because the model's summary failed or was not supported. */
            EXTRACTED_FALLBACK
        }
    }

    /**
     * One outlet's report.
     *
     * @param name the outlet, or an empty string when unknown
     * @param url the report's address, or an empty string
     * @param title the report's own headline
     * @param origin where the report was read from (file, feed item or URL), or an empty string
     */
    public record Outlet(String name, String url, String title, String origin) {

        public Outlet {
            name = name == null ? "" : name;
            url = url == null ? "" : url;
            title = title == null ? "" : title;
            origin = origin == null ? "" : origin;
        }

        /**
         * A report whose origin is not known.
         *
         * @param name the outlet, or an empty string when unknown
         * @param url the report's address, or an empty string
         * @param title the report's own headline
         */
        public Outlet(String name, String url, String title) {
            this(name, url, title, "");
        }
    }

    public Story {
        Objects.requireNonNull(headline, "headline");
        summary = List.copyOf(summary);
        outlets = List.copyOf(outlets);
        Objects.requireNonNull(section, "section");
        keyNames = List.copyOf(keyNames);
        Objects.requireNonNull(language, "language");
        authorship = authorship == null ? Authorship.EXTRACTED : authorship;
        id = id == null ? "" : id;
        ranking = ranking == null ? Ranking.NONE : ranking;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * A story as made before ranking.
     *
     * @param headline the most informative of the articles' titles
     * @param summary the summary's sentences
     * @param outlets who reported it
     * @param date the latest publication date, or {@code null}
     * @param section the briefing section
     * @param keyNames the names it mentions
     * @param language ISO 639-3 code
     * @param coveredOn the day of the earlier edition that carried it, or {@code null}
     * @param authorship how the summary was made
     */
    public Story(String headline, List<String> summary, List<Outlet> outlets, LocalDate date, String section,
            List<String> keyNames, String language, LocalDate coveredOn, Authorship authorship) {
        this(headline, summary, outlets, date, section, keyNames, language, coveredOn, authorship, "", Ranking.NONE,
                List.of());
    }

    /**
     * @param keyNames the names it mentions
     * @return this story with those names
     */
    public Story named(List<String> keyNames) {
        return new Story(headline, summary, outlets, date, section, keyNames, language, coveredOn, authorship, id, ranking,
                sources);
    }

    /**
     * @param ranking where it stands
     * @return this story with that ranking
     */
    public Story ranked(Ranking ranking) {
        return new Story(headline, summary, outlets, date, section, keyNames, language, coveredOn, authorship, id, ranking,
                sources);
    }

    /**
     * A story with its summary quoted from the reports.
     *
     * @param headline the most informative of the articles' titles
     * @param summary the summary's sentences
     * @param outlets who reported it
     * @param date the latest publication date, or {@code null}
     * @param section the briefing section
     * @param keyNames the names it mentions
     * @param language ISO 639-3 code
     * @param coveredOn the day of the earlier edition that carried it, or {@code null}
     */
    public Story(String headline, List<String> summary, List<Outlet> outlets, LocalDate date, String section,
            List<String> keyNames, String language, LocalDate coveredOn) {
        this(headline, summary, outlets, date, section, keyNames, language, coveredOn, Authorship.EXTRACTED);
    }

    /**
     * @param headline the new headline
     * @param summary the new summary's sentences
     * @param authorship how they were made
     * @return this story told anew, everything else kept
     */
    public Story rewritten(String headline, List<String> summary, Authorship authorship) {
        boolean quoted = summary.equals(this.summary);
        return new Story(headline, summary, outlets, date, section, keyNames, language, coveredOn, authorship, id, ranking,
                quoted ? sources : List.of());
    }

    /**
     * A story no earlier edition carried.
     *
     * @param headline the most informative of the articles' titles
     * @param summary the summary's sentences
     * @param outlets who reported it
     * @param date the latest publication date, or {@code null}
     * @param section the briefing section
     * @param keyNames the names it mentions
     * @param language ISO 639-3 code
     */
    public Story(String headline, List<String> summary, List<Outlet> outlets, LocalDate date, String section,
            List<String> keyNames, String language) {
        this(headline, summary, outlets, date, section, keyNames, language, null, Authorship.EXTRACTED);
    }

    /** @return the outlets' names, once each, in order, leaving out unknown ones */
    public List<String> outletNames() {
        return outlets.stream().map(Outlet::name).filter(name -> !name.isEmpty()).distinct().toList();
    }
}
