package org.newsbrief.render;

import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes an XHTML document as HTML that browsers and XML parsers read alike: void elements
 * self-close, every other element gets an end tag, and text is escaped.
 */
public final class HtmlWriter {

    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("style", "script");

    private HtmlWriter() {}

    /**
     * @param document the document
     * @return its HTML, starting with {@code <!DOCTYPE html>}
     */
    public static String write(Document document) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n");
        write(document.getDocumentElement(), out);
        return out.append('\n').toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> writeElement((Element) node, out);
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                Node parent = node.getParentNode();
                boolean raw = parent != null && RAW_TEXT.contains(localName(parent));
                out.append(raw ? node.getNodeValue() : escape(node.getNodeValue(), false));
            }
            default -> {
                // comments and processing instructions are not part of the page
            }
        }
    }

    private static void writeElement(Element element, StringBuilder out) {
        String name = localName(element);
        out.append('<').append(name);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getName();
            if (attributeName.startsWith("xmlns:")) {
                continue;
            }
            out.append(' ').append(attributeName).append("=\"").append(escape(attribute.getValue(), true)).append('"');
        }
        if (VOID.contains(name)) {
            out.append(" />");
            return;
        }
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            write(child, out);
        }
        out.append("</").append(name).append('>');
    }

    private static String localName(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
