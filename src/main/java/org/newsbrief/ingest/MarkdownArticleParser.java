package org.newsbrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown with optional YAML-style front matter ({@code title:}, {@code source:}, {@code date:},
 * {@code url:}). The body is reduced to plain text: headings stand alone as blocks, list items as
 * lines, and emphasis, links, images, code marks and HTML tags are unwrapped.
 */
final class MarkdownArticleParser implements ArticleParser {

    private static final Pattern FRONT_LINE = Pattern.compile("^([A-Za-z][A-Za-z_ -]{0,20}):\\s*(.*)$");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s+\\S+.*$");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");

    @Override
    public IngestResult parse(String location, String content) {
        String[] lines = content.split("\n", -1);
        Metadata metadata = new Metadata();
        int start = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            int end = 1;
            while (end < lines.length && !lines[end].strip().equals("---") && !lines[end].strip().equals("...")) {
                Matcher field = FRONT_LINE.matcher(lines[end]);
                if (field.matches()) {
                    metadata.put(field.group(1), field.group(2));
                }
                end++;
            }
            if (end == lines.length) {
                throw new IngestException(location + ":1: front matter opened with --- is never closed");
            }
            start = end + 1;
        }
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || LINK_DEFINITION.matcher(line).matches() || RULE.matcher(line).matches()) {
                continue;
            }
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                addBlock(out, inline(heading.group(1)));
                continue;
            }
            if (i + 1 < lines.length && !line.isBlank() && SETEXT_UNDERLINE.matcher(lines[i + 1]).matches()
                    && (i == start || lines[i - 1].isBlank())) {
                addBlock(out, inline(line.strip()));
                i++;
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            String text = item.matches() ? "- " + item.group(1) : line.replaceFirst("^\\s*>\\s?", "");
            out.add(inline(text));
        }
        String body = String.join("\n", out).replaceAll("\n{3,}", "\n\n").strip();
        if (body.isEmpty()) {
            throw new IngestException(location + ": no article text in the Markdown body");
        }
        return IngestResult.of(metadata.toArticle(location, body));
    }

    /** A heading is its own block, with blank lines around it. */
    private static void addBlock(List<String> out, String text) {
        out.add("");
        out.add(text);
        out.add("");
    }

    private static String inline(String text) {
        String plain = IMAGE.matcher(text).replaceAll("");
        plain = LINK.matcher(plain).replaceAll("$1");
        plain = REFERENCE_LINK.matcher(plain).replaceAll("$1");
        plain = CODE.matcher(plain).replaceAll("$1");
        plain = STRONG.matcher(plain).replaceAll("$2");
        plain = EMPHASIS.matcher(plain).replaceAll("$2");
        plain = TAG.matcher(plain).replaceAll("");
        return plain.replaceAll("\\s+$", "");
    }
}
