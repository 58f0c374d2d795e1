package org.newsbrief.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** OPML subscription lists: the feeds they name. DOCTYPEs are refused. */
final class OpmlParser {

    /**
     * A subscribed feed.
     *
     * @param title its title, or empty
     * @param url its address
     */
    record Subscription(String title, String url) {}

    private OpmlParser() {}

    static List<Subscription> parse(String location, String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            NodeList outlines = builder.parse(new InputSource(new StringReader(text))).getElementsByTagName("outline");
            List<Subscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < outlines.getLength(); i++) {
                Element outline = (Element) outlines.item(i);
                String url = outline.getAttribute("xmlUrl").strip();
                if (!url.isEmpty()) {
                    String title = outline.getAttribute("title").isBlank() ? outline.getAttribute("text") : outline.getAttribute("title");
                    subscriptions.add(new Subscription(title.strip(), url));
                }
            }
            return subscriptions;
        } catch (SAXException e) {
            throw new IngestException(location + ": not a readable OPML file: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IngestException(location + ": cannot read OPML: " + e.getMessage(), e);
        }
    }
}
