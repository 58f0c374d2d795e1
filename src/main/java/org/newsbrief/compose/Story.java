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
 */
public record Story(String headline, List<String> summary, List<Outlet> outlets, LocalDate date, String section,
        List<String> keyNames, String language, LocalDate coveredOn, Authorship authorship) {

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
     */
    public record Outlet(String name, String url, String title) {

        public Outlet {
            name = name == null ? "" : name;
            url = url == null ? "" : url;
            title = title == null ? "" : title;
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
        return new Story(headline, summary, outlets, date, section, keyNames, language, coveredOn, authorship);
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
