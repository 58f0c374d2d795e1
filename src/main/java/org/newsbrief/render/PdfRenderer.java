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
            org.w3c.dom.NodeList heads = copy.getElementsByTagNameNS("*", "head");
            if (heads.getLength() > 0) {
                org.w3c.dom.Element style = copy.createElementNS(heads.item(0).getNamespaceURI(), "style");
                style.setTextContent("@page { size: letter; }");
                heads.item(0).appendChild(style);
            }
        }
        RightToLeftText.prepare(copy);
        ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, new ContainedUserAgent(device));
        renderer.getSharedContext().setLineBreakingStrategy(new WholeWordLineBreaking());
        for (int i = 0; i < fonts.size(); i++) {
            // the resource path lets the renderer read the font's weight and style tables
            renderer.getFontResolver().addFont(fonts.get(i), FONT_FOLDER + FONT_FILES[i], null);
        }
        try {
            renderer.setDocument(copy, baseUri());
            renderer.layout();
            renderer.createPDF(out);
        } catch (RuntimeException e) {
            throw new RenderException("cannot lay out the briefing as PDF: " + e.getMessage(), e);
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
