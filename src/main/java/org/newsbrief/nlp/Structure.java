package org.newsbrief.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule-based first pass over an article's text: blocks on blank lines, then lines inside each
 * block. It finds the title, the headings and the boilerplate, so that only paragraphs of prose
 * reach the sentence detector. A heading is a short line without closing punctuation.
 *
 * @param title the headline: the article's own, or the first heading-like line when it had none
 * @param blocks headings and paragraphs in order, their text with white space normalized
 * @param dropped boilerplate lines that were removed, for users who want to see why
 */
record Structure(String title, List<Unit> blocks, List<String> dropped) {

    /** A block before offsets are assigned. */
    record Unit(Block.Kind kind, String text) {}

    private static final int HEADING_MAX_WORDS = 14;
    private static final int HEADING_MAX_CHARS = 120;
    /** Words in a one-line question that heads a section. */
    private static final int QUESTION_HEADING_MAX_WORDS = 8;
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•·▪‣–—]|\\d{1,3}[.)])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String CLOSERS = "\"'”’»)]}";
    private static final String TERMINALS = ".!?…:;";

    Structure {
        blocks = List.copyOf(blocks);
        dropped = List.copyOf(dropped);
    }

    /**
     * @param text the article body, blocks separated by blank lines
     * @param knownTitle the title the source gave, or an empty string
     * @return the structure found
     */
    static Structure of(String text, String knownTitle) {
        List<Unit> units = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        String title = knownTitle == null ? "" : collapse(typographicQuotes(knownTitle));
        text = typographicQuotes(text);
        boolean inTrailer = false;
        boolean first = true;
        for (String rawBlock : text.split("\\n\\s*\\n")) {
            for (Unit unit : unitsOf(rawBlock)) {
                String line = unit.text();
                if (Boilerplate.isTrailer(line)) {
                    inTrailer = true;
                    dropped.add(line);
                } else if (Boilerplate.isBoilerplate(line) || inTrailer && !isProse(line)) {
                    dropped.add(line); // page furniture, or a headline in a list of other stories
                } else if (first && title.isEmpty() && unit.kind() == Block.Kind.HEADING) {
                    title = line;
                    first = false;
                } else {
                    if (!(first && line.equalsIgnoreCase(title))) {
                        units.add(unit); // the source's title repeated as the first line is not body
                    }
                    inTrailer = false;
                    first = false;
                }
            }
        }
        return new Structure(title, units, dropped);
    }

    /**
     * Splits one block into units. A line break inside a block is a soft wrap and is joined,
     * unless the line before ends a sentence or the next line is a list item; a block's
     * heading-like first line directly above prose is a heading of its own.
     */
    private static List<Unit> unitsOf(String block) {
        List<String> lines = new ArrayList<>();
        for (String line : block.split("\\n")) {
            if (!line.isBlank()) {
                lines.add(collapse(line));
            }
        }
        List<Unit> units = new ArrayList<>();
        if (lines.isEmpty()) {
            return units;
        }
        int from = 0;
        if (lines.size() > 1 && isHeadingLike(lines.get(0)) && looksLikeHeadingAbove(lines.get(0), lines.get(1))) {
            units.add(new Unit(Block.Kind.HEADING, lines.get(0)));
            from = 1;
        }
        StringBuilder current = new StringBuilder();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean bullet = BULLET.matcher(line).find();
            if (current.length() > 0 && (bullet || endsSentence(current))) {
                units.add(classify(current.toString(), false));
                current.setLength(0);
            }
            if (bullet) {
                line = BULLET.matcher(line).replaceFirst("");
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(line);
        }
        if (current.length() > 0) {
            units.add(classify(current.toString(), lines.size() - from == 1));
        }
        return units;
    }

    private static Unit classify(String text, boolean wholeBlock) {
        String judged = Furniture.withoutTakeMarker(text); // "... were closed. (MORE)" is prose
        return wholeBlock && !judged.isEmpty() && (isHeadingLike(judged) || isQuestionHeading(judged))
                ? new Unit(Block.Kind.HEADING, text) : new Unit(Block.Kind.PARAGRAPH, text);
    }

    /**
     * A one-line block that is a short question, such as "A model for other ports?" or "What
     * happens next?": news sections are often headed so, and such a line is no sentence of the
     * report.
     */
    static boolean isQuestionHeading(String line) {
        if (!line.endsWith("?") || line.length() > HEADING_MAX_CHARS
                || SPACES.split(line).length > QUESTION_HEADING_MAX_WORDS) {
            return false;
        }
        String body = line.substring(0, line.length() - 1);
        if (body.chars().anyMatch(c -> TERMINALS.indexOf(c) >= 0 || c == '"' || c == '“' || c == '”')) {
            return false;
        }
        int first = line.codePointAt(0);
        return Character.isUpperCase(first);
    }

    /** Short, without closing punctuation, and not starting mid-sentence. */
    static boolean isHeadingLike(String line) {
        if (line.isEmpty() || line.length() > HEADING_MAX_CHARS || endsSentence(line)) {
            return false;
        }
        if (SPACES.split(line).length > HEADING_MAX_WORDS) {
            return false;
        }
        int first = line.codePointAt(0);
        return !Character.isLowerCase(first) && line.codePoints().anyMatch(Character::isLetter);
    }

    /** A heading sits above prose that starts a new sentence, and is title-cased or clearly short. */
    private static boolean looksLikeHeadingAbove(String line, String next) {
        int nextFirst = next.codePointAt(0);
        if (Character.isLowerCase(nextFirst)) {
            return false;
        }
        String[] words = SPACES.split(line);
        if (words.length <= 4) {
            return true;
        }
        int significant = 0;
        int capitalized = 0;
        for (String word : words) {
            if (word.length() >= 4) {
                significant++;
                if (Character.isUpperCase(word.codePointAt(0))) {
                    capitalized++;
                }
            }
        }
        return significant > 0 && capitalized * 4 >= significant * 3;
    }

    private static boolean isProse(String line) {
        return endsSentence(line) || SPACES.split(line).length > HEADING_MAX_WORDS;
    }

    private static boolean endsSentence(CharSequence text) {
        int end = text.length() - 1;
        while (end >= 0 && (CLOSERS.indexOf(text.charAt(end)) >= 0 || Character.isWhitespace(text.charAt(end)))) {
            end--;
        }
        return end >= 0 && TERMINALS.indexOf(text.charAt(end)) >= 0;
    }

    /**
     * TeX-style quotes, as wire copy of the 1990s writes them (``firm hand.''), become typographic
     * ones (“firm hand.”). Done here, before any offset is taken, so sentences still quote the
     * cleaned text exactly. Two apostrophes close a quote only in a text that opens quotes with
     * backquotes; elsewhere they are left alone.
     */
    static String typographicQuotes(String text) {
        if (text.indexOf('`') < 0) {
            return text;
        }
        return text.replace("``", "“").replace("''", "”").replace('`', '‘');
    }

    private static String collapse(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }
}
