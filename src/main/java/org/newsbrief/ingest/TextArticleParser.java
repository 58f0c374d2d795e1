package org.newsbrief.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text, optionally opened by a header block of {@code Key: value} lines (Title, Source,
 * Date, URL, ...) and a blank line. Without a header the whole file is the body, and the analyzer
 * takes the title from its first line.
 */
final class TextArticleParser implements ArticleParser {

    private static final Pattern HEADER_LINE = Pattern.compile("^([A-Za-z][A-Za-z ]{0,15}):[ \\t]*(.*)$");

    @Override
    public IngestResult parse(String location, String content) {
        String[] lines = content.split("\n", -1);
        Metadata metadata = new Metadata();
        int bodyStart = 0;
        while (bodyStart < lines.length) {
            Matcher header = HEADER_LINE.matcher(lines[bodyStart]);
            if (!header.matches() || !Metadata.isKey(header.group(1))) {
                break;
            }
            metadata.put(header.group(1), header.group(2));
            bodyStart++;
        }
        // A header must end at a blank line; "Title: ..." followed directly by prose is prose.
        if (bodyStart > 0 && bodyStart < lines.length && !lines[bodyStart].isBlank()) {
            metadata = new Metadata();
            bodyStart = 0;
        }
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(bodyStart, lines.length)).strip();
        if (body.isEmpty()) {
            throw new IngestException(location + ": no article text after the header");
        }
        return IngestResult.of(metadata.toArticle(location, body));
    }
}
