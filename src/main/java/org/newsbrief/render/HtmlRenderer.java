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
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingItem;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Fills {@code briefing.html} with a briefing and returns the result as an XHTML document, with
 * the stylesheets it links from the templates folder inlined so that the document stands alone.
 * A stylesheet link to anything else is dropped with a warning, never fetched.
 */
public final class HtmlRenderer {

    /** The main template's file name. */
    public static final String BRIEFING_TEMPLATE = "briefing.html";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private final TemplateFolder templates;
    private final TemplateEngine engine;
    private final Consumer<String> warnings;

    /**
     * @param templates where templates and stylesheets are read from
     * @param warnings receives one line per problem that did not stop rendering
     */
    public HtmlRenderer(TemplateFolder templates, Consumer<String> warnings) {
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
        if (templates.read(BRIEFING_TEMPLATE).isEmpty()) {
            throw new RenderException("template " + BRIEFING_TEMPLATE + " not found in " + templates.folder()
                    .map(Object::toString).orElse("the built-in templates"));
        }
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("briefing", view(briefing));
        String xhtml;
        try {
            xhtml = engine.process(BRIEFING_TEMPLATE, context);
        } catch (TemplateEngineException e) {
            throw new RenderException(templates.describe(BRIEFING_TEMPLATE) + ": " + e.getMessage(), e);
        }
        Document document = parse(xhtml);
        inlineStylesheets(document);
        return document;
    }

    /** @return the view of a small sample briefing, which shows every variable a template can use */
    static Map<String, Object> sampleView() {
        return view(new Briefing("Sample", java.time.LocalDate.of(2026, 1, 1),
                java.time.ZonedDateTime.of(2026, 1, 1, 6, 0, 0, 0, java.time.ZoneOffset.UTC),
                List.of(new BriefingItem("Headline", "Outlet", java.time.LocalDate.of(2026, 1, 1), "https://example.org/a",
                        List.of("A sentence."), "eng"))));
    }

    /** The template's view of a briefing: plain maps, with dates already formatted for reading. */
    private static Map<String, Object> view(Briefing briefing) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (BriefingItem item : briefing.items()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", items.size() + 1);
            view.put("title", item.title());
            view.put("source", item.source());
            view.put("date", item.date());
            view.put("dateText", item.date() == null ? "" : SHORT_DAY.format(item.date()));
            view.put("url", isWebLink(item.url()) ? item.url() : "");
            view.put("summary", item.summary());
            view.put("summaryText", String.join(" ", item.summary()));
            view.put("language", item.language());
            items.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", briefing.title());
        view.put("date", briefing.date());
        view.put("dateText", DAY.format(briefing.date()));
        view.put("generatedAt", briefing.generatedAt());
        view.put("generatedText", STAMP.format(briefing.generatedAt()));
        view.put("timeZone", briefing.generatedAt().getZone().getId());
        view.put("items", items);
        view.put("itemCount", items.size());
        return view;
    }

    /** Only web links become links: a {@code javascript:} or {@code file:} URL in an article is data. */
    private static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private Document parse(String xhtml) {
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
            throw new RenderException(templates.describe(BRIEFING_TEMPLATE) + ": the rendered page is not well-formed XHTML"
                    + " (output line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new RenderException("cannot parse the rendered " + BRIEFING_TEMPLATE + ": " + e.getMessage(), e);
        }
    }

    private void inlineStylesheets(Document document) {
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
                warnings.accept(templates.describe(BRIEFING_TEMPLATE) + ": stylesheet '" + href
                        + "' is not a file in the templates folder; it was not loaded");
                link.getParentNode().removeChild(link);
            }
        }
    }
}
