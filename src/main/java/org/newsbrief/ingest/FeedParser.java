package org.newsbrief.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds, with ROME. Each item becomes an article; its HTML
 * content or description is reduced to paragraphs, and its first category (RSS {@code <category>},
 * Atom {@code <category term="...">}) names its section. A document with a DOCTYPE is refused before
 * any parsing, which rules out external entities and entity-expansion bombs.
 */
final class FeedParser {

    /** Items with fewer words than this are teasers, not articles. */
    static final int TEASER_WORDS = 80;
    static final String TEASER_NOTE = "the feed gives only a teaser; the full article was not fetched";

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern FEED_ROOT = Pattern.compile("<(rss|feed|rdf:RDF)[\\s>]", Pattern.CASE_INSENSITIVE);

    private FeedParser() {}

    /** @return whether the text looks like a feed rather than a web page */
    static boolean looksLikeFeed(String text) {
        String head = text.length() > 2048 ? text.substring(0, 2048) : text;
        return FEED_ROOT.matcher(head).find() && !head.toLowerCase(Locale.ROOT).contains("<html");
    }

    /**
     * @param location the feed's file or URL, for messages and ids
     * @param text the feed's decoded text
     * @param outlet the outlet's name to use, or empty for the feed's own title
     * @param fullText fetches and reads an item's linked page when the item is only a teaser;
     *     {@code null} to keep teasers as they are
     * @return the items as articles, and the items that could not be used
     * @throws IngestException when the feed as a whole cannot be read
     */
    static IngestResult parse(String location, String text, String outlet, Function<String, Article> fullText) {
        if (DOCTYPE.matcher(text).find()) {
            throw new IngestException(location + ": XML with a DOCTYPE is refused (it can hide external entities"
                    + " or entity expansion)");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(text.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "")));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IngestException(location + ": not a readable RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        String name = outlet == null || outlet.isBlank() ? clean(feed.getTitle()) : outlet;
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            String where = location + " item " + (i + 1);
            try {
                articles.add(article(entry, where, name, fullText));
            } catch (IngestException e) {
                String message = e.getMessage();
                skipped.add(new SkippedInput(where, message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message));
            }
        }
        if (entries.isEmpty()) {
            skipped.add(new SkippedInput(location, "the feed has no items"));
        }
        return new IngestResult(articles, skipped);
    }

    private static Article article(SyndEntry entry, String where, String outlet, Function<String, Article> fullText) {
        String title = clean(entry.getTitle());
        String link = entry.getLink() == null ? "" : entry.getLink().strip();
        String html = content(entry);
        String body = HtmlArticleParser.blocksOfFragment(html);
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        LocalDate date = published == null ? null : published.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        String id = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri().strip() : link.isEmpty() ? where : link;
        String section = entry.getCategories().isEmpty() ? "" : clean(entry.getCategories().get(0).getName());
        int words = body.isBlank() ? 0 : body.strip().split("\\s+").length;
        List<String> notes = new ArrayList<>();
        if (words < TEASER_WORDS) {
            if (fullText != null && !link.isEmpty()) {
                Article page = fullText.apply(link);
                return new Article(id, title.isEmpty() ? page.title() : title, outlet,
                        date != null ? date : page.date(), link, page.text(), where, section, page.notes());
            }
            if (body.isBlank()) {
                throw new IngestException(where + ": the item has no text" + (link.isEmpty() ? "" : " (its link: " + link
                        + "; --follow-links reads it)"));
            }
            notes.add(TEASER_NOTE);
        }
        return new Article(id, title, outlet, date, link, body, where, section, notes);
    }

    private static String content(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                html.append(content.getValue()).append('\n');
            }
        }
        if (html.length() == 0 && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            html.append(entry.getDescription().getValue());
        }
        return html.toString();
    }

    private static String clean(String text) {
        return text == null ? "" : TextDecoding.clean(Jsoup.parse(text).text()).strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
