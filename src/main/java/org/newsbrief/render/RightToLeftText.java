package org.newsbrief.render;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Prepares Arabic and Hebrew text for the PDF renderer, which draws every run left to right and
 * does not join Arabic letters. Each right-to-left run is shaped (letters take their joined forms)
 * and put in visual order within its text node. Text extraction restores the logical order, so
 * the PDF's text still reads back as written. The run must stay in its text node: a span around
 * it would be painted after its parent's text and extract out of place.
 */
final class RightToLeftText {

    private RightToLeftText() {}

    /** Rewrites the document's right-to-left runs in place. */
    static void prepare(Document document) {
        List<Text> texts = new ArrayList<>();
        collect(document.getDocumentElement(), texts);
        for (Text text : texts) {
            rewrite(text);
        }
    }

    private static void collect(Node node, List<Text> texts) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text) {
                if (hasRightToLeft(text.getData())) {
                    texts.add(text);
                }
            } else if (child instanceof Element element && !"style".equals(element.getLocalName())
                    && !"head".equals(element.getLocalName())) {
                collect(child, texts);
            }
        }
    }

    private static void rewrite(Text text) {
        String data = text.getData();
        StringBuilder rewritten = new StringBuilder(data.length());
        int i = 0;
        while (i < data.length()) {
            int runEnd = runEnd(data, i);
            if (runEnd > i) {
                rewritten.append(visual(data.substring(i, runEnd)));
                i = runEnd;
            } else {
                rewritten.appendCodePoint(data.codePointAt(i));
                i += Character.charCount(data.codePointAt(i));
            }
        }
        text.setData(rewritten.toString());
    }

    /**
     * A run starts at a right-to-left letter and goes on over further such letters and the
     * spaces, digits and marks between them, but ends on the last right-to-left letter.
     */
    private static int runEnd(String data, int start) {
        if (!isRightToLeft(data.codePointAt(start))) {
            return start;
        }
        int end = start;
        int i = start;
        while (i < data.length()) {
            int c = data.codePointAt(i);
            if (isRightToLeft(c)) {
                end = i + Character.charCount(c);
            } else if (!(Character.isWhitespace(c) || Character.isDigit(c) || isNeutralMark(c))) {
                break;
            }
            i += Character.charCount(c);
        }
        return end;
    }

    private static String visual(String logical) {
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical; // unshaped letters still read, only unjoined
        }
        return new Bidi(shaped, Bidi.RTL).writeReordered(Bidi.DO_MIRRORING);
    }

    private static boolean hasRightToLeft(String data) {
        return data.codePoints().anyMatch(RightToLeftText::isRightToLeft);
    }

    private static boolean isRightToLeft(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    private static boolean isNeutralMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || c == '-' || c == '\u060C' || c == '\u061F';
    }
}
