package org.newsbrief.render;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.newsbrief.events.RunLog;

/**
 * Lays an XHTML briefing out as a PDF with Flying Saucer. Fonts come from the DejaVu families on
 * the classpath and are embedded, never from the machine. The renderer fetches nothing: a
 * resource outside the templates folder is refused with a warning.
 */
public final class PdfRenderer {

    static final String FONT_FOLDER = "net/sf/jasperreports/fonts/dejavu/";
    static final String[] FONT_FILES = {
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf",
        "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf",
    };

    /**
     * The families those files make, as a stylesheet names them in {@code font-family}; any other
     * name falls back to a font that cannot show most of the world's letters.
     */
    static final Set<String> FONT_FAMILIES = Set.of("DejaVu Sans", "DejaVu Serif");

    /** The renderer's own user-agent stylesheet, inside its jar. */
    private static final String DEFAULT_STYLESHEET = String.valueOf(
            PdfRenderer.class.getClassLoader().getResource("resources/css/XhtmlNamespaceHandler.css"));

    private final TemplateFolder templates;
    private final RunLog warnings;
    private final List<BaseFont> fonts;

    /**
     * @param templates the folder that relative resources (images) may come from
     * @param warnings receives one line per refused resource
     * @throws RenderException when a font cannot be loaded
     */
    public PdfRenderer(TemplateFolder templates, RunLog warnings) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.fonts = loadFonts();
    }

    /**
     * @param document the filled XHTML template, as {@link HtmlRenderer} makes it; not modified
     * @param out where the PDF goes
     * @throws RenderException when layout or writing fails
     */
    public void render(Document document, OutputStream out) {
        render(document, out, Paper.A4);
    }

    /**
     * @param document the filled XHTML template, as {@link HtmlRenderer} makes it; not modified
     * @param out where the PDF goes
     * @param paper the page size; letter overrides the stylesheet's page size
     * @throws RenderException when layout or writing fails
     */
    public void render(Document document, OutputStream out, Paper paper) {
        Document copy = (Document) document.cloneNode(true);
        if (paper == Paper.LETTER) {
            addPageStyle(copy, "@page { size: letter; }");
        }
        RightToLeftText.prepare(copy);
        try {
            ITextRenderer renderer = laidOut(copy);
            renderer.createPDF(out);
        } catch (RuntimeException e) {
            throw new RenderException("cannot lay out the briefing as PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Lays a document out as a screen shows it rather than paper: one page of the given width, no
     * margins, as tall as the content. Pictures of an email are made this way.
     *
     * @param document an XHTML document; not modified
     * @param out where the PDF goes
     * @param widthPx the width of the screen, in CSS pixels
     * @throws RenderException when layout or writing fails
     */
    public void renderScreen(Document document, OutputStream out, int widthPx) {
        if (widthPx < 1) {
            throw new IllegalArgumentException("widthPx must be at least 1, was " + widthPx);
        }
        try {
            // laid out once on a page taller than any email, to learn how tall the content is
            Document measured = (Document) document.cloneNode(true);
            addPageStyle(measured, "@page { size: " + widthPx + "px " + TALLEST_SCREEN_PX + "px; margin: 0; }");
            fallBackToSans(measured);
            RightToLeftText.prepare(measured);
            ITextRenderer measuring = laidOut(measured);
            int heightPx = (int) Math.ceil((double) measuring.getRootBox().getHeight() / ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
            Document fitted = (Document) document.cloneNode(true);
            addPageStyle(fitted, "@page { size: " + widthPx + "px " + Math.max(1, Math.min(heightPx, TALLEST_SCREEN_PX))
                    + "px; margin: 0; }");
            fallBackToSans(fitted);
            RightToLeftText.prepare(fitted);
            laidOut(fitted).createPDF(out);
        } catch (RuntimeException e) {
            throw new RenderException("cannot lay out the page as PDF: " + e.getMessage(), e);
        }
    }

    /** The tallest screen {@link #renderScreen} lays out; anything longer goes on to further pages. */
    private static final int TALLEST_SCREEN_PX = 20_000;

    private ITextRenderer laidOut(Document document) {
        ITextOutputDevice device = new PageBoundTextDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, new ContainedUserAgent(device));
        renderer.getSharedContext().setLineBreakingStrategy(new WholeWordLineBreaking());
        for (int i = 0; i < fonts.size(); i++) {
            // the resource path lets the renderer read the font's weight and style tables
            renderer.getFontResolver().addFont(fonts.get(i), FONT_FOLDER + FONT_FILES[i], null);
        }
        renderer.setDocument(document, baseUri());
        renderer.layout();
        return renderer;
    }

    /**
     * Puts each run of letters DejaVu Serif has no glyphs for (Arabic, Hebrew) in a DejaVu Sans span.
     * A screen falls back from font to font letter by letter; the PDF renderer takes the first
     * font of a family list for all of its text, which would leave such letters out of a serif line.
     * The span is painted after its line, so text extracted from the PDF has the run at the line's
     * end; that is why only {@link #renderScreen}, made for pictures, does this.
     */
    private void fallBackToSans(Document document) {
        BaseFont serif = fonts.get(java.util.Arrays.asList(FONT_FILES).indexOf("DejaVuSerif.ttf"));
        List<org.w3c.dom.Text> texts = new ArrayList<>();
        collectTexts(document.getDocumentElement(), texts);
        for (org.w3c.dom.Text text : texts) {
            String data = text.getData();
            int start = firstMissing(serif, data, 0);
            if (start < 0) {
                continue;
            }
            org.w3c.dom.Node parent = text.getParentNode();
            int at = 0;
            while (start >= 0) {
                int end = start;
                for (int i = start; i < data.length(); i = data.offsetByCodePoints(i, 1)) {
                    int c = data.codePointAt(i);
                    if (!serif.charExists(c)) {
                        end = data.offsetByCodePoints(i, 1);
                    } else if (!Character.isWhitespace(c)) {
                        break;
                    }
                }
                parent.insertBefore(document.createTextNode(data.substring(at, start)), text);
                org.w3c.dom.Element span = document.createElementNS(parent.getNamespaceURI(), "span");
                span.setAttribute("style", "font-family: 'DejaVu Sans'");
                span.setTextContent(data.substring(start, end));
                parent.insertBefore(span, text);
                at = end;
                start = firstMissing(serif, data, end);
            }
            text.setData(data.substring(at));
        }
    }

    private static int firstMissing(BaseFont font, String data, int from) {
        for (int i = from; i < data.length(); i = data.offsetByCodePoints(i, 1)) {
            int c = data.codePointAt(i);
            if (!Character.isWhitespace(c) && !font.charExists(c)) {
                return i;
            }
        }
        return -1;
    }

    private static void collectTexts(org.w3c.dom.Node node, List<org.w3c.dom.Text> texts) {
        for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Text text) {
                texts.add(text);
            } else if (child instanceof org.w3c.dom.Element element && !"style".equals(element.getLocalName())
                    && !"head".equals(element.getLocalName())) {
                collectTexts(child, texts);
            }
        }
    }

    /** Adds a style element at the end of the head, so that its rules win over the document's own. */
    private static void addPageStyle(Document document, String css) {
        org.w3c.dom.NodeList heads = document.getElementsByTagNameNS("*", "head");
        if (heads.getLength() > 0) {
            org.w3c.dom.Element style = document.createElementNS(heads.item(0).getNamespaceURI(), "style");
            style.setTextContent(css);
            heads.item(0).appendChild(style);
        }
    }

    private String baseUri() {
        return templates.folder().map(folder -> folder.toAbsolutePath().toUri().toString()).orElse("about:blank");
    }

    private static List<BaseFont> loadFonts() {
        List<BaseFont> loaded = new ArrayList<>();
        for (String file : FONT_FILES) {
            String resource = FONT_FOLDER + file;
            try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new RenderException("font " + resource + " is missing from the classpath"
                            + " (it comes with the jasperreports-fonts artifact)");
                }
                loaded.add(BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null));
            } catch (IOException | DocumentException e) {
                throw new RenderException("cannot load font " + resource + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(loaded);
    }

    /** Opens files of the templates folder only; every other address is refused, not fetched. */
    private final class ContainedUserAgent extends ITextUserAgent {

        ContainedUserAgent(ITextOutputDevice device) {
            super(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
        }

        @Override
        protected InputStream openStream(String uri) throws IOException {
            if (!isInsideTemplates(uri)) {
                warnings.warning("PDF: refused to load " + uri + " (only files in the templates folder are used)");
                throw new IOException("refused: " + uri);
            }
            return super.openStream(uri);
        }

        private boolean isInsideTemplates(String uri) {
            if (uri.equals(DEFAULT_STYLESHEET)) {
                return true;
            }
            if (templates.folder().isEmpty()) {
                return false;
            }
            try {
                URI folder = templates.folder().get().toAbsolutePath().normalize().toUri();
                URI target = new URI(uri).normalize();
                return "file".equals(target.getScheme()) && target.getPath() != null
                        && target.getPath().startsWith(folder.getPath());
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
