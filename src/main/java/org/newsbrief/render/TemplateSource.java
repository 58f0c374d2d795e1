package org.newsbrief.render;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text of a template or stylesheet as its editor sees it, able to say where an offset is
 * (line and column, from 1) and to find an element's tag and attributes from the position an XML
 * parser reports, which is the end of the start tag.
 */
final class TemplateSource {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private final String file;
    private final String text;
    private final String code;
    private final List<Integer> lineStarts = new ArrayList<>();

    /**
     * @param file the file's name for messages
     * @param text its text
     */
    TemplateSource(String file, String text) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
        this.code = blankComments(text);
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /** @return the text with every HTML comment blanked out, newlines kept, so offsets still match */
    String code() {
        return code;
    }

    /**
     * @param offset a character offset in the text
     * @param message what is wrong there
     * @return the problem, placed at that offset's line and column
     */
    TemplateProblem problem(int offset, String message) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int line = lineStarts.size() - 1;
        while (lineStarts.get(line) > at) {
            line--;
        }
        return new TemplateProblem(file, line + 1, at - lineStarts.get(line) + 1, message);
    }

    /**
     * @param line a line, from 1, as an XML parser reports it
     * @param column a column, from 1
     * @return the offset of that place, clamped to the text
     */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.size()) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts.get(line - 1) + Math.max(column, 1) - 1);
    }

    /**
     * @param tagEnd the offset just after a start tag's {@code >}, as a parser reports it
     * @return the offset of that tag's {@code <}; attribute values cannot hold a {@code <}
     */
    int tagStart(int tagEnd) {
        int start = code.lastIndexOf('<', Math.max(0, tagEnd - 1));
        return Math.max(start, 0);
    }

    /**
     * @param tagStart the offset of a start tag's {@code <}
     * @param tagEnd the offset just after its {@code >}
     * @param name an attribute's qualified name
     * @return the offset of the attribute's name within the tag, if it is written there
     */
    Optional<Integer> attribute(int tagStart, int tagEnd, String name) {
        Matcher matcher = Pattern.compile("\\s(" + Pattern.quote(name) + ")\\s*=").matcher(code);
        matcher.region(tagStart, Math.max(tagStart, Math.min(tagEnd, code.length())));
        return matcher.find() ? Optional.of(matcher.start(1)) : Optional.empty();
    }

    /**
     * @param attribute the offset of an attribute's name
     * @return the offset of the first character of its value, after the opening quote
     */
    int valueStart(int attribute) {
        int i = attribute;
        while (i < code.length() && code.charAt(i) != '"' && code.charAt(i) != '\'') {
            i++;
        }
        return Math.min(i + 1, code.length());
    }

    /**
     * Parses the text as XML, with no external entities or DTDs.
     *
     * @param handler receives the parse
     * @return the first place the text is not well-formed, if it is not
     */
    Optional<TemplateProblem> parse(DefaultHandler handler) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.newSAXParser().parse(new InputSource(new StringReader(text)), handler);
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of(new TemplateProblem(file, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber()),
                    "not well-formed XHTML: " + e.getMessage()));
        } catch (SAXException | ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser cannot be set up to read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String blankComments(String text) {
        Matcher matcher = COMMENT.matcher(text);
        StringBuilder blanked = new StringBuilder(text);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (blanked.charAt(i) != '\n') {
                    blanked.setCharAt(i, ' ');
                }
            }
        }
        return blanked.toString();
    }
}
