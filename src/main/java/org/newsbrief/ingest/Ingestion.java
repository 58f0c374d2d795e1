package org.newsbrief.ingest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.newsbrief.internal.Parallel;
import org.newsbrief.internal.Hashing;

/**
 * Reads many sources at once on a bounded pool, keeps their order, reads an article reached
 * twice only once (same address, feed id or text), and reports what it skipped.
 */
public final class Ingestion {

    /**
     * What reading some sources produced.
     *
     * @param sources how many sources were read
     * @param articles the articles, once each
     * @param skipped what could not be used
     * @param duplicates articles dropped because they were already read
     * @param nearDuplicates groups of articles that are copies of one text from several outlets
     *     ({@link NearDuplicates}); all of them stay in {@code articles}
     * @param duplicateReads each article dropped as a duplicate, with the one it repeats
     */
    public record Report(int sources, List<Article> articles, List<SkippedInput> skipped, int duplicates,
            List<List<Article>> nearDuplicates, List<Duplicate> duplicateReads) {

        /**
         * An article read again: the same address, feed id or text as one read before it.
         *
         * @param origin where the copy was read from
         * @param title its title
         * @param sameAs where the article it repeats was read from
         */
        public record Duplicate(String origin, String title, String sameAs) {}

        public Report {
            articles = List.copyOf(articles);
            skipped = List.copyOf(skipped);
            nearDuplicates = nearDuplicates.stream().map(List::copyOf).toList();
            duplicateReads = duplicateReads == null ? List.of() : List.copyOf(duplicateReads);
        }

        /**
         * A report that does not say which articles were duplicates.
         *
         * @param sources how many sources were read
         * @param articles the articles, once each
         * @param skipped what could not be used
         * @param duplicates how many articles were dropped because they were already read
         * @param nearDuplicates groups of copies of one text from several outlets
         */
        public Report(int sources, List<Article> articles, List<SkippedInput> skipped, int duplicates,
                List<List<Article>> nearDuplicates) {
            this(sources, articles, skipped, duplicates, nearDuplicates, List.of());
        }

        /**
         * @param article an article of this report
         * @return the outlets of its near-duplicates, itself first, or just its own outlet
         */
        public List<String> outlets(Article article) {
            for (List<Article> group : nearDuplicates) {
                if (group.contains(article)) {
                    return group.stream().map(Article::source).filter(outlet -> !outlet.isEmpty()).distinct().toList();
                }
            }
            return article.source().isEmpty() ? List.of() : List.of(article.source());
        }

        /** @return the one-line summary, such as "read 143 articles from 12 sources; skipped 3" */
        public String summary() {
            return "read " + articles.size() + (articles.size() == 1 ? " article" : " articles") + " from " + sources
                    + (sources == 1 ? " source" : " sources")
                    + (duplicates > 0 ? "; " + duplicates + " duplicate" + (duplicates == 1 ? "" : "s") + " read once" : "")
                    + (skipped.isEmpty() ? "" : "; skipped " + skipped.size());
        }
    }

    private final HttpFetcher fetcher;
    private final boolean followLinks;
    private final int threads;

    /**
     * Reading for a run that analyzes on {@code analysisThreads}: sources are read twice as many
     * at a time, at least two, since reading mostly waits on the network.
     *
     * @param settings the run's fetch limits
     * @param followLinks whether feed teasers are read from their linked pages
     * @param analysisThreads how many articles the run analyzes at once
     * @return the ingestion
     */
    public static Ingestion over(FetchSettings settings, boolean followLinks, int analysisThreads) {
        return new Ingestion(new HttpFetcher(settings), followLinks, Math.max(2, analysisThreads * 2));
    }

    /**
     * @param settings the run's fetch limits, whether teasers are followed among them
     * @param analysisThreads how many articles the run analyzes at once
     * @return the ingestion
     */
    public static Ingestion over(FetchSettings settings, int analysisThreads) {
        return over(settings, settings.followLinks(), analysisThreads);
    }

    /**
     * @param fetcher fetches web sources with the run's limits
     * @param followLinks whether feed teasers are read from their linked pages
     * @param threads sources read at once
     */
    public Ingestion(HttpFetcher fetcher, boolean followLinks, int threads) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.followLinks = followLinks;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param location a file, a folder or an {@code http(s)} address (anything with a scheme is
     *     treated as an address, and refused unless it is http or https)
     * @return the source for it
     */
    public ArticleSource source(String location) {
        return source(new SourcesFile.Entry("", "", "url", location, 1));
    }

    /**
     * @param entry an entry of a sources file
     * @return the source for it
     */
    public ArticleSource source(SourcesFile.Entry entry) {
        ArticleSource source = unweighted(entry);
        if (entry.weight() == 1) {
            return source;
        }
        return new Located(entry.location(), () -> {
            IngestResult result = source.read();
            return new IngestResult(result.articles().stream().map(article -> article.withWeight(entry.weight())).toList(),
                    result.skipped());
        });
    }

    private ArticleSource unweighted(SourcesFile.Entry entry) {
        String location = entry.location();
        if (location.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !location.matches("(?i)^[a-z]:[\\\\/].*")) {
            if (entry.kind().equals("opml")) {
                return new Located(location, () -> opml(location, fetcher.fetch(location).body(), entry));
            }
            return new UrlArticleSource(location, fetcher, followLinks, entry.name(), entry.section());
        }
        Path path = Path.of(location);
        long maxBytes = fetcher.settings().maxBytes();
        if (entry.kind().equals("opml")) {
            return new Located(location, () -> {
                if (!Files.isRegularFile(path)) {
                    return FileArticleSource.readFile(path, maxBytes);
                }
                try {
                    return opml(location, FileArticleSource.bytesOf(path, maxBytes, "--max-bytes"), entry);
                } catch (java.io.IOException e) {
                    return IngestResult.failed(new SkippedInput(location, "cannot read: " + e.getMessage()));
                }
            });
        }
        ArticleSource files = new FileArticleSource(List.of(path), maxBytes);
        return new Located(location, () -> {
            IngestResult result = files.read();
            return new IngestResult(result.articles().stream()
                    .map(article -> article.withDefaults(entry.name(), entry.section())).toList(), result.skipped());
        });
    }

    /**
     * A source known by its file or address, so that whatever goes wrong in it is reported as
     * one line naming that location.
     */
    private record Located(String location, ArticleSource source) implements ArticleSource {

        @Override
        public IngestResult read() {
            try {
                return source.read();
            } catch (IngestException e) {
                String message = e.getMessage();
                return IngestResult.failed(new SkippedInput(location,
                        message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message));
            } catch (RuntimeException e) {
                // A parser's own failure, such as a null pointer, still names the source it came from.
                return IngestResult.failed(new SkippedInput(location, "could not be read: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))));
            }
        }

        @Override
        public String toString() {
            return location;
        }
    }

    private IngestResult opml(String location, byte[] bytes, SourcesFile.Entry entry) {
        List<IngestResult> results = new ArrayList<>();
        for (OpmlParser.Subscription feed : OpmlParser.parse(location, TextDecoding.decode(bytes, location))) {
            String outlet = entry.name().isEmpty() ? feed.title() : entry.name();
            results.add(new UrlArticleSource(feed.url(), fetcher, followLinks, outlet, entry.section()).read());
        }
        return IngestResult.concat(results);
    }

    /**
     * @param sources the sources, in the order their articles should come
     * @return the articles, once each, and what was skipped
     */
    public Report read(List<ArticleSource> sources) {
        List<IngestResult> results = new ArrayList<>();
        List<Parallel.Outcome<IngestResult>> outcomes = Parallel.map(sources, threads, ArticleSource::read);
        for (int i = 0; i < outcomes.size(); i++) {
            Parallel.Outcome<IngestResult> outcome = outcomes.get(i);
            results.add(outcome.succeeded() ? outcome.value()
                    : IngestResult.failed(new SkippedInput(sources.get(i).toString(), outcome.reason())));
        }
        IngestResult all = IngestResult.concat(results);
        List<Article> unique = new ArrayList<>();
        java.util.Map<String, Article> seen = new java.util.HashMap<>();
        List<Report.Duplicate> duplicates = new ArrayList<>();
        for (Article article : all.articles()) {
            Set<String> keys = keys(article);
            Article first = keys.stream().map(seen::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (first != null) {
                duplicates.add(new Report.Duplicate(article.origin(), article.title(), first.origin()));
                continue;
            }
            keys.forEach(key -> seen.put(key, article));
            unique.add(article);
        }
        return new Report(sources.size(), unique, all.skipped(), duplicates.size(), NearDuplicates.groups(unique),
                duplicates);
    }

    /** The ways one article can be recognized when reached twice: address, feed id, text. */
    static Set<String> keys(Article article) {
        Set<String> keys = new LinkedHashSet<>();
        if (!article.url().isEmpty()) {
            keys.add("url:" + canonical(article.url()));
        }
        if (!article.id().isEmpty() && !article.id().equals(article.origin())) {
            keys.add("id:" + article.id());
        }
        keys.add("text:" + digest(article.text().replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT)));
        return keys;
    }

    /** Lower-cased scheme and host, no fragment, no tracking parameters, no trailing slash. */
    static String canonical(String url) {
        try {
            URI uri = new URI(url.strip());
            String query = uri.getRawQuery() == null ? null : String.join("&", java.util.Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(part -> !part.toLowerCase(Locale.ROOT).matches("(utm_[a-z]+|fbclid|gclid|ref|cmpid)(=.*)?"))
                    .toList());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") ? "https" : scheme) + "://"
                    + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""))
                    + path + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (java.net.URISyntaxException e) {
            return url.strip();
        }
    }

    private static String digest(String text) {
        return Hashing.sha256Hex(text);
    }
}
