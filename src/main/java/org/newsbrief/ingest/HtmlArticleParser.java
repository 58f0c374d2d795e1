package org.newsbrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * An HTML page reduced to its article: title, outlet, date and address from the page's metadata,
 * and the headings and paragraphs of the main content. Navigation, asides, footers, share bars,
 * scripts, forms and hidden elements are removed before any text is taken.
 */
final class HtmlArticleParser implements ArticleParser {

    private static final String CLUTTER = String.join(",",
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
            "form", "button", "input", "select", "textarea", "nav", "aside", "footer", "header", "menu",
            "figure", "figcaption", "[hidden]", "[aria-hidden=true]", "[role=navigation]",
            "[role=complementary]", "[role=banner]", "[role=contentinfo]");
    private static final Pattern CLUTTER_NAME = Pattern.compile(
            "(^|[\\s_-])(share|sharing|social|ad|ads|advert|advertisement|promo|sponsor|related|newsletter"
                    + "|subscribe|subscription|comments?|cookie|consent|breadcrumbs?|byline|author-info|tags"
                    + "|most-read|popular|outbrain|taboola|paywall)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);
    private static final String BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,dd,dt,td";

    @Override
    public IngestResult parse(String location, String content) {
        Document page = Jsoup.parse(content);
        String title = firstNonBlank(
                meta(page, "meta[property=og:title]"),
                page.selectFirst("h1") == null ? "" : page.selectFirst("h1").text(),
                page.title());
        String source = firstNonBlank(
                meta(page, "meta[property=og:site_name]"),
                meta(page, "meta[name=publisher]"),
                meta(page, "meta[name=application-name]"));
        String date = firstNonBlank(
                meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[name=date]"),
                meta(page, "meta[name=pubdate]"),
                meta(page, "meta[itemprop=datePublished]"),
                page.selectFirst("time[datetime]") == null ? "" : page.selectFirst("time[datetime]").attr("datetime"));
        String url = firstNonBlank(
                page.selectFirst("link[rel=canonical]") == null ? "" : page.selectFirst("link[rel=canonical]").attr("href"),
                meta(page, "meta[property=og:url]"));

        Element main = mainContent(page);
        removeClutter(main);
        String body = blocksOf(main, title);
        if (body.isBlank()) {
            throw new IngestException(location + ": no article text found in the HTML page");
        }
        return IngestResult.of(new Article(location, title, source, DateParsing.parse(date), url, body, location));
    }

    private static Element mainContent(Document page) {
        Elements articles = page.select("article");
        if (!articles.isEmpty()) {
            // the longest <article> is the story; the others are teasers
            Element longest = articles.first();
            for (Element candidate : articles) {
                if (candidate.text().length() > longest.text().length()) {
                    longest = candidate;
                }
            }
            return longest;
        }
        Element main = page.selectFirst("main, [role=main]");
        return main != null ? main : page.body();
    }

    private static void removeClutter(Element root) {
        root.select(CLUTTER).remove();
        for (Element element : root.select("*")) {
            if (element == root || element.parent() == null) {
                continue;
            }
            String names = element.className() + " " + element.id();
            if (CLUTTER_NAME.matcher(names).find() || HIDDEN_STYLE.matcher(element.attr("style")).find()) {
                element.remove();
            }
        }
    }

    private static String blocksOf(Element root, String title) {
        List<String> blocks = new ArrayList<>();
        collectBlocks(root, title, blocks);
        if (blocks.isEmpty()) {
            String text = root.text().strip();
            return text.toLowerCase(Locale.ROOT).equals(title.toLowerCase(Locale.ROOT)) ? "" : text;
        }
        return String.join("\n\n", blocks);
    }

    /** Takes each block element's text whole, in document order, without descending into it. */
    private static void collectBlocks(Element parent, String title, List<String> blocks) {
        for (Element child : parent.children()) {
            if (!child.is(BLOCKS)) {
                collectBlocks(child, title, blocks);
                continue;
            }
            String text = child.text().strip();
            boolean heading = child.normalName().matches("h[1-6]");
            if (text.isEmpty() || heading && text.equalsIgnoreCase(title)) {
                continue;
            }
            blocks.add(child.is("li") ? "- " + text : text);
        }
    }

    private static String meta(Document page, String query) {
        Element element = page.selectFirst(query);
        return element == null ? "" : element.attr("content").strip();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}
