package org.newsbrief.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small CSS checker for what an editor of a stylesheet can break: braces that do not pair, a
 * declaration with no colon, a colour that is not one, a font the PDF renderer does not have, and
 * an address outside the templates folder. Flying Saucer skips what it cannot parse without a
 * word, so without this check a typo silently loses a rule and everything after it. It reads
 * stylesheets, {@code <style>} elements and {@code style} attributes, and places each problem at
 * its line and column in the file it came from. After the first problem with the braces it stops,
 * because everything after it is misread.
 */
final class CssCheck {

    /** The generic families, which the PDF renderer maps onto fonts of its own. */
    static final Set<String> GENERIC_FAMILIES = Set.of("serif", "sans-serif", "monospace");

    /** At-rules whose block holds rules rather than declarations. */
    private static final Set<String> RULE_BLOCKS = Set.of("media", "supports", "document", "-moz-document", "layer",
            "container");
    private static final Set<String> KEYWORDS = Set.of("inherit", "initial", "unset", "revert");
    private static final Set<String> SYSTEM_FONTS = Set.of("caption", "icon", "menu", "message-box", "small-caption",
            "status-bar");
    private static final Set<String> SIZE_WORDS = Set.of("xx-small", "x-small", "small", "medium", "large", "x-large",
            "xx-large", "xxx-large", "smaller", "larger");

    private final TemplateSource source;
    private final String text;
    private final boolean fonts;
    private final List<TemplateProblem> problems = new ArrayList<>();
    private boolean stopped;

    private CssCheck(TemplateSource source, boolean fonts) {
        this.source = source;
        this.text = source.text();
        this.fonts = fonts;
    }

    /**
     * @param source the file
     * @param from where the stylesheet starts in it
     * @param to where it ends
     * @param fonts whether families must be ones the PDF renderer has
     * @return the problems, in order
     */
    static List<TemplateProblem> stylesheet(TemplateSource source, int from, int to, boolean fonts) {
        CssCheck check = new CssCheck(source, fonts);
        check.walk(from, to, false);
        return check.problems;
    }

    /**
     * @param source the file
     * @param from where a {@code style} attribute's value starts in it
     * @param to where it ends
     * @param fonts whether families must be ones the PDF renderer has
     * @return the problems, in order
     */
    static List<TemplateProblem> declarations(TemplateSource source, int from, int to, boolean fonts) {
        CssCheck check = new CssCheck(source, fonts);
        check.walk(from, to, true);
        return check.problems;
    }

    private record Block(int brace, boolean declarations) {}

    private void walk(int from, int to, boolean inline) {
        Deque<Block> open = new ArrayDeque<>();
        boolean declarations = inline;
        int segment = from;
        int i = from;
        while (i < to && !stopped) {
            char c = text.charAt(i);
            int past = skipEnclosed(i, to);
            if (past != i) {
                i = past;
            } else if (c == '{') {
                declarations = openBlock(open, declarations, inline, segment, i);
                segment = ++i;
            } else if (c == ';') {
                if (declarations) {
                    declaration(segment, i);
                } else {
                    statement(segment, i);
                }
                segment = ++i;
            } else if (c == '}') {
                if (open.isEmpty()) {
                    stop(i, "'}' closes nothing: no '{' is open before it");
                } else {
                    if (declarations) {
                        declaration(segment, i);
                    } else {
                        leftOver(segment, i);
                    }
                    declarations = open.pop().declarations();
                }
                segment = ++i;
            } else {
                i++;
            }
        }
        if (stopped) {
            return;
        }
        if (!open.isEmpty()) {
            stop(open.getLast().brace(), "'{' is never closed with '}'");
        } else if (declarations) {
            declaration(segment, to);
        } else {
            leftOver(segment, to);
        }
    }

    /** @return whether the new block holds declarations */
    private boolean openBlock(Deque<Block> open, boolean declarations, boolean inline, int segment, int brace) {
        String prelude = content(segment, brace);
        if (inline) {
            stop(brace, "'{' in a style attribute, which holds declarations only");
        } else if (prelude.isEmpty()) {
            stop(brace, "'{' with no selector before it");
        } else if (!prelude.startsWith("@") && declarations) {
            stop(start(segment, brace), "'" + prelude + " {' starts a rule inside another rule's declarations;"
                    + " is a ';' or '}' missing before it?");
        }
        open.push(new Block(brace, declarations));
        if (prelude.startsWith("@")) {
            String name = prelude.substring(1).split("[\\s({]", 2)[0].toLowerCase(Locale.ROOT);
            return !RULE_BLOCKS.contains(name);
        }
        return true;
    }

    /** A statement among rules, ended by ';': only an at-rule such as {@code @import} may be one. */
    private void statement(int from, int to) {
        String written = content(from, to);
        if (written.isEmpty()) {
            return;
        }
        if (!written.startsWith("@")) {
            stop(start(from, to), outside(written));
            return;
        }
        if (written.toLowerCase(Locale.ROOT).startsWith("@import")) {
            int at = start(from, to) + "@import".length();
            while (at < to && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at + 4 <= to && text.regionMatches(true, at, "url(", 0, 4)) {
                url(at, to);
            } else if (at < to && (text.charAt(at) == '"' || text.charAt(at) == '\'')) {
                int end = skipString(at, to);
                address(at, text.substring(at + 1, Math.max(at + 1, end - 1)));
            }
        }
    }

    /** What stands before a '}' among rules, or at the end of the stylesheet, with no block of its own. */
    private void leftOver(int from, int to) {
        String written = content(from, to);
        if (!written.isEmpty()) {
            stop(start(from, to), written.startsWith("@") ? "'" + written + "' needs a ';' or a '{...}' block"
                    : outside(written));
        }
    }

    private static String outside(String written) {
        return written.contains(":") ? "'" + written + "' is a declaration outside any rule; is a selector and '{' missing?"
                : "'" + written + "' is not followed by a '{...}' block";
    }

    private void declaration(int from, int to) {
        String written = content(from, to);
        if (written.isEmpty()) {
            return;
        }
        int start = start(from, to);
        int colon = find(':', from, to);
        if (colon < 0) {
            problems.add(source.problem(start, "'" + written + "' has no ':' between property and value"));
            return;
        }
        String property = content(from, colon);
        if (!property.matches("--[\\w-]+|-?[A-Za-z_][\\w-]*")) {
            problems.add(source.problem(start, "'" + property + "' is not a property name"));
            return;
        }
        if (content(colon + 1, to).isEmpty()) {
            problems.add(source.problem(start, "'" + property + "' has no value"));
            return;
        }
        values(property.toLowerCase(Locale.ROOT), colon + 1, to);
        if (fonts && (property.equalsIgnoreCase("font-family") || property.equalsIgnoreCase("font"))) {
            families(property.equalsIgnoreCase("font"), colon + 1, to);
        }
    }

    /** Checks colours and addresses in a value. */
    private void values(String property, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                i = skipComment(i, to);
            } else if (c == '"' || c == '\'') {
                i = skipString(i, to);
            } else if (i + 4 <= to && text.regionMatches(true, i, "url(", 0, 4)
                    && (i == from || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '-')) {
                i = url(i, to);
            } else if (c == '#' && !property.startsWith("--")) {
                int end = i + 1;
                while (end < to && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-'
                        || text.charAt(end) == '_')) {
                    end++;
                }
                String digits = text.substring(i + 1, end);
                if (!digits.matches("[0-9A-Fa-f]{3}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8}")) {
                    problems.add(source.problem(i, "'#" + digits + "' is not a colour: write # and 3, 4, 6 or 8 hex digits,"
                            + " such as #1f3a5f"));
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    /** Checks the address of a {@code url(...)} that starts at {@code at}; returns the offset after it. */
    private int url(int at, int to) {
        int i = at + 4;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int end;
        String address;
        if (i < to && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            end = skipString(i, to);
            address = text.substring(i + 1, Math.max(i + 1, end - 1));
        } else {
            end = text.indexOf(')', i);
            end = end < 0 || end > to ? to : end;
            address = text.substring(i, end).strip();
        }
        address(at, address);
        int close = text.indexOf(')', end);
        return close < 0 || close >= to ? to : close + 1;
    }

    private void address(int at, String address) {
        if (TemplateFolder.leavesFolder(address)) {
            problems.add(source.problem(at, "'" + address + "' is " + (TemplateFolder.isRemote(address)
                    ? "a remote address" : "outside the templates folder")
                    + "; only files in the templates folder are used and nothing is fetched"));
        }
    }

    /** Checks the families of {@code font-family}, or of the {@code font} shorthand after its size. */
    private void families(boolean shorthand, int from, int to) {
        List<int[]> items = new ArrayList<>();
        int itemStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == ',') {
                items.add(new int[] {itemStart, i});
                itemStart = i + 1;
            } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                i = skipString(i, to) - 1;
            }
        }
        for (int n = 0; n < items.size(); n++) {
            List<int[]> words = words(items.get(n)[0], items.get(n)[1]);
            if (n == 0 && shorthand) {
                int size = -1;
                for (int w = 0; w < words.size(); w++) {
                    String word = word(words.get(w)).toLowerCase(Locale.ROOT);
                    if (word.matches("[+-]?[\\d.]+[a-z%]*(/.*)?") || SIZE_WORDS.contains(word.split("/")[0])) {
                        size = w;
                    } else if (size >= 0 && word.startsWith("/")) {
                        size = w + (word.equals("/") ? 1 : 0); // a line height written apart: "12pt / 1.4"
                    }
                }
                if (size < 0) {
                    return; // a system font or a keyword, such as "font: caption"
                }
                words = words.subList(Math.min(size + 1, words.size()), words.size());
            }
            if (words.isEmpty()) {
                continue;
            }
            String family = String.join(" ", words.stream().map(this::word).toList());
            if (family.toLowerCase(Locale.ROOT).endsWith("!important")) {
                family = family.substring(0, family.length() - "!important".length()).strip();
            }
            if (family.length() > 1 && (family.charAt(0) == '"' || family.charAt(0) == '\'')) {
                family = family.substring(1, family.length() - 1);
            }
            if (!isShipped(family) && !(items.size() == 1 && KEYWORDS.contains(family.toLowerCase(Locale.ROOT)))
                    && !(shorthand && SYSTEM_FONTS.contains(family.toLowerCase(Locale.ROOT)))) {
                Set<String> shipped = new TreeSet<>(PdfRenderer.FONT_FAMILIES);
                problems.add(source.problem(words.get(0)[0], "font '" + family + "' is not shipped with newsbrief,"
                        + " so the PDF cannot use it; use " + String.join(" or ", shipped.stream().map(f -> "'" + f + "'").toList())
                        + ", or serif, sans-serif or monospace"));
            }
        }
    }

    /** @return whether the PDF renderer has the family, by name or as a generic family */
    static boolean isShipped(String family) {
        String name = family.strip().toLowerCase(Locale.ROOT);
        return GENERIC_FAMILIES.contains(name)
                || PdfRenderer.FONT_FAMILIES.stream().anyMatch(shipped -> shipped.equalsIgnoreCase(name));
    }

    /** The words of a stretch of a value, comments left out; a quoted string is one word. */
    private List<int[]> words(int from, int to) {
        List<int[]> words = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                i = skipComment(i, to);
            } else if (c == '"' || c == '\'') {
                int end = skipString(i, to);
                words.add(new int[] {i, end});
                i = end;
            } else {
                int end = i;
                while (end < to && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"'
                        && text.charAt(end) != '\'' && !text.startsWith("/*", end)) {
                    end++;
                }
                words.add(new int[] {i, end});
                i = end;
            }
        }
        return words;
    }

    private String word(int[] span) {
        return text.substring(span[0], span[1]);
    }

    /** @return the text between two offsets, comments left out, whitespace collapsed */
    private String content(int from, int to) {
        StringBuilder kept = new StringBuilder();
        int i = from;
        while (i < to) {
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? to : end + 2;
                kept.append(' ');
            } else {
                kept.append(text.charAt(i++));
            }
        }
        return kept.toString().strip().replaceAll("\\s+", " ");
    }

    /** @return the offset of the first character between two offsets that is not blank or a comment */
    private int start(int from, int to) {
        int i = from;
        while (i < to) {
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? to : end + 2;
            } else if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else {
                return i;
            }
        }
        return from;
    }

    /** @return the offset of the first {@code wanted} outside strings, comments and parentheses, or -1 */
    private int find(char wanted, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == wanted) {
                return i;
            }
            int past = skipEnclosed(i, to);
            i = past != i ? past : i + 1;
        }
        return -1;
    }

    /**
     * @return the offset just past the comment, string or parenthesized run that starts at
     *     {@code at}, or {@code at} itself when none starts there
     */
    private int skipEnclosed(int at, int to) {
        char c = text.charAt(at);
        if (c == '/' && at + 1 < to && text.charAt(at + 1) == '*') {
            return skipComment(at, to);
        } else if (c == '"' || c == '\'') {
            return skipString(at, to);
        } else if (c == '(') {
            return skipParentheses(at, to);
        }
        return at;
    }

    private int skipComment(int at, int to) {
        int end = text.indexOf("*/", at + 2);
        if (end < 0 || end + 2 > to) {
            stop(at, "'/*' opens a comment that is never closed with '*/'");
            return to;
        }
        return end + 2;
    }

    private int skipString(int at, int to) {
        char quote = text.charAt(at);
        int i = at + 1;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                break;
            } else {
                i++;
            }
        }
        stop(at, "the string opened here with " + quote + " is not closed on its line");
        return to;
    }

    private int skipParentheses(int at, int to) {
        int depth = 0;
        int i = at;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(i, to);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            } else if (c == '{' || c == '}') {
                break;
            }
            i++;
        }
        stop(at, "'(' is never closed with ')'");
        return to;
    }

    /** Reports a problem after which the rest cannot be read reliably, and stops there. */
    private void stop(int at, String message) {
        if (!stopped) {
            problems.add(source.problem(at, message));
            stopped = true;
        }
    }
}
