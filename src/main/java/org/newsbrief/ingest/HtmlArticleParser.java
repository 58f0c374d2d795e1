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
                    + "|subscribe|subscription|comments?|disqus|respond|reply|cookies?|consent|gdpr|banner|modal"
                    + "|popup|breadcrumbs?|byline|author-info|tags|most-read|popular|outbrain|taboola|paywall"
                    + "|sidebar|widget|nav|navbar|menu|footer|masthead)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);
    private static final String BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,dd,dt,td";
    private static final String CONTAINERS = "div,section,center,font";

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

        removeClutter(page.body());
        Element main = mainContent(page);
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
        Element main = page.selectFirst("main, [role=main], [itemprop=articleBody]");
        return main != null ? main : densestBlock(page.body());
    }

    /**
     * Readability-style choice of the element that holds the story, for pages that do not mark
     * it: every paragraph of prose scores its parent (more for length and commas) and, by half,
     * its grandparent; the best-scoring element whose text is mostly not links wins.
     */
    private static Element densestBlock(Element body) {
        java.util.Map<Element, Double> scores = new java.util.HashMap<>();
        for (Element paragraph : body.select("p, pre, td, blockquote")) {
            String text = paragraph.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split(",", -1).length - 1 + Math.min(text.length() / 100.0, 3);
            Element parent = paragraph.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        Element best = body;
        double bestScore = 0;
        for (java.util.Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (score > bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        return best;
    }

    private static double linkDensity(Element element) {
        int total = element.text().length();
        if (total == 0) {
            return 1;
        }
        int links = 0;
        for (Element link : element.select("a")) {
            links += link.text().length();
        }
        return (double) links / total;
    }

    /**
     * @param html a fragment of HTML, such as a feed item's content
     * @return its headings, paragraphs and list items as plain text blocks
     */
    static String blocksOfFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document fragment = Jsoup.parseBodyFragment(html);
        removeClutter(fragment.body());
        return TextDecoding.clean(blocksOf(fragment.body(), ""));
    }

    private static void removeClutter(Element root) {
        root.select(CLUTTER).remove();
        for (Element element : root.select("*")) {
            if (element == root || element.parent() == null || element.is("article, main, body")) {
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

    /**
     * Takes each block element's text whole, in document order, without descending into it. A
     * container without block elements inside, such as a {@code <div>} of bare text, counts as a
     * block when its text is prose rather than a row of links.
     */
    private static void collectBlocks(Element parent, String title, List<String> blocks) {
        for (Element child : parent.children()) {
            if (!child.is(BLOCKS)) {
                if (child.is(CONTAINERS) && child.select(BLOCKS).isEmpty() && !child.text().isBlank()
                        && linkDensity(child) < 0.5) {
                    blocks.add(child.text().strip());
                } else {
                    collectBlocks(child, title, blocks);
                }
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
