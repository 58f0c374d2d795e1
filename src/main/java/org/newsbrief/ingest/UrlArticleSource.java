package org.newsbrief.ingest;

import java.util.Objects;

/**
 * Articles from an address on the web: a feed (RSS or Atom) gives one article per item, a web
 * page gives its one article. Which it is comes from the content, not the address.
 */
final class UrlArticleSource implements ArticleSource {

    private final String url;
    private final HttpFetcher fetcher;
    private final boolean followLinks;
    private final String outlet;
    private final String section;

    /**
     * @param url the feed's or page's address
     * @param fetcher fetches with the run's limits
     * @param followLinks whether a feed item that is only a teaser is read from its linked page
     * @param outlet the outlet's name, or empty to take it from the feed or page
     * @param section the briefing section, or empty
     */
    public UrlArticleSource(String url, HttpFetcher fetcher, boolean followLinks, String outlet, String section) {
        this.url = Objects.requireNonNull(url, "url");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.followLinks = followLinks;
        this.outlet = outlet == null ? "" : outlet;
        this.section = section == null ? "" : section;
    }

    @Override
    public IngestResult read() {
        try {
            Fetched fetched = fetcher.fetch(url);
            String text = TextDecoding.decode(fetched.body(), fetched.declaredCharset(), url);
            IngestResult result = FeedParser.looksLikeFeed(text)
                    ? FeedParser.parse(url, text, outlet, followLinks ? this::page : null)
                    : new HtmlArticleParser().parse(url, text);
            return new IngestResult(result.articles().stream()
                    .map(article -> withUrl(article, fetched).withDefaults(outlet, section)).toList(), result.skipped());
        } catch (IngestException e) {
            String message = e.getMessage();
            return IngestResult.failed(new SkippedInput(url, message.startsWith(url + ": ")
                    ? message.substring(url.length() + 2) : message));
        }
    }

    @Override
    public String toString() {
        return url;
    }

    /** A feed item's linked page, read as an article. */
    private Article page(String link) {
        Fetched fetched = fetcher.fetch(link);
        String text = TextDecoding.decode(fetched.body(), fetched.declaredCharset(), link);
        return new HtmlArticleParser().parse(link, text).articles().get(0);
    }

    private static Article withUrl(Article article, Fetched fetched) {
        if (!article.url().isEmpty()) {
            return article;
        }
        return new Article(article.id(), article.title(), article.source(), article.date(), fetched.uri().toString(),
                article.text(), article.origin(), article.section(), article.notes(), article.weight());
    }
}
