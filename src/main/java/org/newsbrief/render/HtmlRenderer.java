package org.newsbrief.render;

import java.io.IOException;
import java.io.StringReader;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import org.newsbrief.events.RunLog;

/**
 * Fills {@code briefing.html} with a briefing and returns the result as an XHTML document, with
 * the stylesheets it links from the templates folder inlined so that the document stands alone.
 * A stylesheet link to anything else is dropped with a warning, never fetched.
 */
public final class HtmlRenderer {

    /** The main template's file name. */
    public static final String BRIEFING_TEMPLATE = "briefing.html";
    /** The template of the email that carries the PDF. */
    public static final String EMAIL_TEMPLATE = "email.html";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private final TemplateFolder templates;
    private final TemplateEngine engine;
    private final RunLog warnings;

    /**
     * @param templates where templates and stylesheets are read from
     * @param warnings receives one line per problem that did not stop rendering
     */
    public HtmlRenderer(TemplateFolder templates, RunLog warnings) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(new FolderTemplateResolver(templates));
    }

    /**
     * @param briefing the briefing to render
     * @return the filled template as a standalone XHTML document
     * @throws RenderException when the template is missing, fails, or its output is not well-formed
     */
    public Document render(Briefing briefing) {
        return render(briefing, BRIEFING_TEMPLATE);
    }

    /**
     * @param briefing the briefing to render
     * @param template the template's file name, such as {@link #EMAIL_TEMPLATE}
     * @return the filled template as a standalone XHTML document, stylesheets inlined
     * @throws RenderException when the template is missing, fails, or its output is not well-formed
     */
    public Document render(Briefing briefing, String template) {
        return render(briefing, template, "");
    }

    /**
     * @param briefing the briefing to render
     * @param template the template's file name, such as {@link #EMAIL_TEMPLATE}
     * @param webCopy the address where the edition's HTML copy can be read, or an empty string when it
     *     is not on the web; each story's {@code link} then points into it rather than to its first report
     * @return the filled template as a standalone XHTML document, stylesheets inlined
     * @throws IllegalArgumentException when the web copy's address is not an http or https one
     * @throws RenderException when the template is missing, fails, or its output is not well-formed
     */
    public Document render(Briefing briefing, String template, String webCopy) {
        Objects.requireNonNull(webCopy, "webCopy");
        if (!webCopy.isEmpty() && !isWebLink(webCopy)) {
            throw new IllegalArgumentException("webCopy must be an http or https address, was " + webCopy);
        }
        String text = templates.read(template).orElseThrow(() -> new RenderException("template " + template
                + " not found in " + templates.folder().map(Object::toString).orElse("the built-in templates")));
        // Checked before Thymeleaf sees it, so that a tag left open is reported at its line in the
        // template rather than at a line of the filled page, which the editor never sees.
        TemplateSource source = new TemplateSource(templates.describe(template), text);
        source.parse(new DefaultHandler()).ifPresent(problem -> {
            throw new RenderException(problem.toString());
        });
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("briefing", view(briefing, webCopy));
        String xhtml;
        try {
            xhtml = engine.process(template, context);
        } catch (TemplateEngineException e) {
            throw new RenderException(failure(e, template).toString(), e);
        }
        Document document = parse(xhtml, template);
        inlineStylesheets(document, source);
        return document;
    }

    /**
     * Says where in the template Thymeleaf failed, and why: Thymeleaf's own message wraps the cause
     * ("An error happened during template parsing") and gives the place only in passing.
     */
    private TemplateProblem failure(TemplateEngineException failure, String template) {
        TemplateProcessingException located = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateProcessingException thymeleaf && thymeleaf.getLine() != null
                    && thymeleaf.getCol() != null) {
                located = thymeleaf;
            }
        }
        if (located == null) {
            return new TemplateProblem(templates.describe(template), 1, 1, withoutPlace(failure.getMessage()));
        }
        String file = templates.describe(template);
        String name = located.getTemplateName();
        if (name != null && !name.equals(template) && !name.equals(file)) {
            // a fragment another template brought in
            file = name.contains("/") || name.contains("\\") ? name : templates.describe(name.endsWith(".html") ? name : name + ".html");
        }
        String what = withoutPlace(located.getMessage());
        String evaluating = "Exception evaluating OGNL expression: ";
        if (what.startsWith(evaluating)) {
            what = "cannot evaluate " + what.substring(evaluating.length());
        }
        Throwable root = located;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != located) {
            what = what + ": " + inWords(root);
        }
        return new TemplateProblem(file, Math.max(1, located.getLine()), Math.max(1, located.getCol()), what);
    }

    /** Thymeleaf's message without the "(template: ... - line 3, col 5)" it appends. */
    private static String withoutPlace(String message) {
        return String.valueOf(message).replaceAll("\\s*\\(template: .*\\)\\s*$", "").replaceAll("\\s+", " ").strip();
    }

    /** The cause of a failed expression, as its editor would put it. */
    private static String inWords(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip().lines().findFirst().orElse("");
        String type = cause.getClass().getName();
        if (cause instanceof NoSuchMethodException) {
            return "there is no method " + message;
        }
        if (type.equals("ognl.NoSuchPropertyException")) {
            return "there is no property " + message;
        }
        if (type.equals("ognl.ParseException") || type.equals("ognl.ExpressionSyntaxException")) {
            return "the expression does not parse: " + message;
        }
        return message.isEmpty() ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + message;
    }

    /**
     * @return a small briefing whose two stories between them make every optional part of the page
     *     show (a repeat, an old date, a watched name, AI-written and fallback summaries, a missing
     *     date, summary and link), so that rendering it evaluates every expression a template has
     */
    static Briefing sampleBriefing() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 10);
        Story story = new Story("Headline", List.of("A sentence."),
                List.of(new Story.Outlet("Outlet", "https://example.org/a", "Headline")), day.minusDays(OLD_DAYS + 1), "News",
                List.of("A Name"), "eng", day.minusDays(1), new Story.Authorship(Story.Authorship.Method.MODEL_WRITTEN, 1, ""))
                .ranked(new Story.Ranking(1, 1, List.of("watchlist: A Name")));
        Story other = new Story("Another headline", List.of(), List.of(new Story.Outlet("", "", "Another headline")), null,
                "World", List.of(), "eng", null, new Story.Authorship(Story.Authorship.Method.EXTRACTED_FALLBACK, 0, "a reason"));
        return new Briefing("Sample", day, java.time.ZonedDateTime.of(2026, 1, 10, 6, 0, 0, 0, java.time.ZoneOffset.UTC),
                List.of(new Briefing.Highlight(story, "A sentence.")),
                List.of(new Section("News", List.of(story)), new Section("World", List.of(other))), List.of("A Name"));
    }

    /** @return the view of {@link #sampleBriefing()} */
    static Map<String, Object> sampleView() {
        return view(sampleBriefing(), "");
    }

    /** The template's view of a briefing: plain maps, with dates already formatted for reading. */
    private static Map<String, Object> view(Briefing briefing, String webCopy) {
        Map<Story, Map<String, Object>> stories = new LinkedHashMap<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section section : briefing.sections()) {
            List<Map<String, Object>> sectionStories = new ArrayList<>();
            for (Story story : section.stories()) {
                Map<String, Object> view = view(story, stories.size() + 1, briefing.date(), webCopy);
                stories.put(story, view);
                sectionStories.add(view);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", sections.size() + 1);
            view.put("anchor", "section-" + (sections.size() + 1));
            view.put("name", section.name());
            view.put("stories", sectionStories);
            sections.add(view);
        }
        List<Map<String, Object>> highlights = new ArrayList<>();
        for (Briefing.Highlight highlight : briefing.executiveSummary()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("sentence", highlight.sentence());
            view.put("story", stories.get(highlight.story()));
            highlights.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", briefing.title());
        view.put("date", briefing.date());
        view.put("dateText", DAY.format(briefing.date()));
        view.put("webCopy", webCopy);
        view.put("generatedAt", briefing.generatedAt());
        view.put("generatedText", STAMP.format(briefing.generatedAt()));
        view.put("timeZone", briefing.generatedAt().getZone().getId());
        view.put("executiveSummary", highlights);
        view.put("sections", sections);
        view.put("stories", new ArrayList<>(stories.values()));
        view.put("storyCount", stories.size());
        long aiWritten = briefing.stories().stream()
                .filter(story -> story.authorship().method() == Story.Authorship.Method.MODEL_WRITTEN).count();
        view.put("aiWrittenCount", aiWritten);
        view.put("aiNote", aiWritten == 0 ? "" : aiWritten + " of " + stories.size()
                + " summaries were written by AI and checked against the reports; each is marked.");
        view.put("keyNames", briefing.keyNames());
        view.put("keyNamesText", String.join(" · ", briefing.keyNames()));
        return view;
    }

    /** A story older than this many days before its edition says so beside its date. */
    static final int OLD_DAYS = 2;

    private static Map<String, Object> view(Story story, int number, java.time.LocalDate edition, String webCopy) {
        List<Map<String, Object>> outlets = new ArrayList<>();
        for (Story.Outlet outlet : story.outlets()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", outlet.name());
            view.put("url", isWebLink(outlet.url()) ? outlet.url() : "");
            view.put("title", outlet.title());
            outlets.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        String anchor = "story-" + number;
        view.put("number", number);
        view.put("anchor", anchor);
        view.put("link", webCopy.isEmpty() ? reportLink(story) : webCopy + "#" + anchor);
        view.put("headline", story.headline());
        view.put("title", story.headline());
        view.put("summary", story.summary());
        view.put("summaryText", String.join(" ", story.summary()));
        view.put("outlets", outlets);
        view.put("outletCount", story.outletNames().size());
        view.put("reportedBy", reportedBy(story.outletNames()));
        view.put("date", story.date());
        view.put("dateText", story.date() == null ? "" : SHORT_DAY.format(story.date()));
        view.put("section", story.section());
        view.put("keyNames", story.keyNames());
        view.put("keyNamesText", String.join(", ", story.keyNames()));
        view.put("language", story.language());
        view.put("repeat", story.coveredOn() != null);
        view.put("coveredText", story.coveredOn() == null ? "" : "Already in the " + SHORT_DAY.format(story.coveredOn()) + " edition");
        view.put("aiWritten", story.authorship().method() == Story.Authorship.Method.MODEL_WRITTEN);
        view.put("authorshipText", authorshipText(story.authorship()));
        long days = story.date() == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(story.date(), edition);
        view.put("old", days > OLD_DAYS);
        view.put("ageText", days > OLD_DAYS ? days + " days before this edition" : "");
        List<String> watched = story.ranking().why().stream().filter(reason -> reason.startsWith("watchlist: "))
                .map(reason -> reason.substring("watchlist: ".length())).toList();
        view.put("watched", !watched.isEmpty());
        view.put("watchText", watched.isEmpty() ? "" : "On your watchlist: " + String.join(", ", watched));
        view.put("rank", story.ranking().rank());
        view.put("why", story.ranking().why());
        return view;
    }

    /**
     * What readers are told about how a story's summary was made. Why a model's summary was not
     * used (a service that did not answer, a spent budget) is the operator's business: it stays in
     * the run's log and its {@code --report}, and readers see only that the summary is quoted.
     *
     * @param authorship how a story's summary was made
     * @return what readers are told about it: nothing for a plain extractive summary
     */
    public static String authorshipText(Story.Authorship authorship) {
        return switch (authorship.method()) {
            case EXTRACTED -> "";
            case MODEL_WRITTEN -> "AI-written summary, checked against " + authorship.checkedSources()
                    + (authorship.checkedSources() == 1 ? " source" : " sources");
            case EXTRACTED_FALLBACK -> "Quoted from the reports";
        };
    }

    /**
     * "Reported by Reuters", "... by Reuters and AP", "... by Reuters, AP and BBC"; nothing when no
     * outlet is known, since a placeholder on every byline and link tells the reader nothing.
     */
    static String reportedBy(List<String> outlets) {
        if (outlets.isEmpty()) {
            return "";
        }
        if (outlets.size() == 1) {
            return "Reported by " + outlets.get(0);
        }
        return "Reported by " + String.join(", ", outlets.subList(0, outlets.size() - 1)) + " and "
                + outlets.get(outlets.size() - 1);
    }

    /**
     * @return the web address of the report whose title the headline is, else of the first report that
     *     has one, so that a headline does not lead to another outlet's differently titled report; an
     *     empty string when no report has a web address
     */
    private static String reportLink(Story story) {
        return story.outlets().stream().filter(outlet -> isWebLink(outlet.url()))
                .sorted(java.util.Comparator.comparing((Story.Outlet outlet) -> !outlet.title().equals(story.headline())))
                .map(Story.Outlet::url).findFirst().orElse("");
    }

    /** Only web links become links: a {@code javascript:} or {@code file:} URL in an article is data. */
    static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private Document parse(String xhtml, String template) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new RenderException(templates.describe(template) + ": the rendered page is not well-formed XHTML"
                    + " (output line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new RenderException("cannot parse the rendered " + template + ": " + e.getMessage(), e);
        }
    }

    private void inlineStylesheets(Document document, TemplateSource template) {
        NodeList links = document.getElementsByTagNameNS("*", "link");
        List<Element> stylesheets = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if ("stylesheet".equalsIgnoreCase(link.getAttribute("rel").strip())) {
                stylesheets.add(link);
            }
        }
        for (Element link : stylesheets) {
            String href = link.getAttribute("href").strip();
            var css = templates.read(href);
            if (css.isPresent()) {
                Element style = document.createElementNS(link.getNamespaceURI(), "style");
                style.setAttribute("type", "text/css");
                style.setTextContent(css.get());
                link.getParentNode().replaceChild(style, link);
            } else {
                warnings.warning(template.problem(linkOffset(template, href), "stylesheet '" + href
                        + "' is not a file in the templates folder; it was not loaded").toString());
                link.getParentNode().removeChild(link);
            }
        }
    }

    /** Where the link to a stylesheet is written in its template: at its href when that is written out. */
    private static int linkOffset(TemplateSource template, String href) {
        java.util.regex.Matcher written = java.util.regex.Pattern.compile("\\s(?:th:|data-th-)?href\\s*=\\s*[\"']\\s*"
                + java.util.regex.Pattern.quote(href)).matcher(template.code());
        if (written.find()) {
            return written.start() + 1;
        }
        int link = template.code().indexOf("<link");
        return Math.max(link, 0);
    }
}
