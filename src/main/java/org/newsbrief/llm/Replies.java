package org.newsbrief.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.TextAnalyzer;

/**
 * Reads what a model replied: a summary as sentences, without a preface or bullets; a headline as
 * one line, or nothing when it does not read as one; the executive summary as numbered lines.
 */
final class Replies {

    /** Headlines longer than this are not used. */
    static final int HEADLINE_WORDS = 14;
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,2})[.):]\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+");

    private final TextAnalyzer analyzer;

    /** @param analyzer splits replies into sentences and tokens */
    Replies(TextAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /**
     * @param reply a summary as the model wrote it
     * @return its sentences; a first line ending in a colon (a preface such as "Here is the
     *     summary:") and list bullets are left out
     */
    List<Sentence> sentences(String reply) {
        StringBuilder text = new StringBuilder();
        List<String> lines = reply.strip().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && lines.size() > 1 && line.endsWith(":")) {
                continue;
            }
            line = BULLET.matcher(line).replaceFirst("");
            text.append(line.isEmpty() ? "\n\n" : line + "\n");
        }
        if (text.toString().isBlank()) {
            return List.of();
        }
        return analyzer.analyze(Article.of("model-reply", "Model reply", text.toString().strip().replaceAll("\n(?!\n)", " ")))
                .sentences();
    }

    /**
     * @param line a headline or a title
     * @return it as one tokenized sentence, for the grounding check
     */
    Sentence tokenized(String line) {
        List<Sentence> sentences = analyzer.analyze(Article.of("model-headline", "Model headline", line + ".")).sentences();
        if (sentences.isEmpty()) {
            return new Sentence(0, 0, line, 0, line.length(), List.of());
        }
        return sentences.get(0);
    }

    /**
     * @param reply a headline as the model wrote it
     * @return its first line without bullets, quotation marks or a full stop; empty when that has
     *     fewer than two words or more than {@value #HEADLINE_WORDS}
     */
    static Optional<String> headline(String reply) {
        String line = reply.strip().lines().filter(text -> !text.isBlank()).findFirst().orElse("").strip();
        line = BULLET.matcher(line).replaceFirst("").replaceAll("^[\"“'‘*#\\s]+|[\"”'’*\\s]+$", "").replaceAll("\\.$", "");
        int words = line.isEmpty() ? 0 : line.split("\\s+").length;
        return words < 2 || words > HEADLINE_WORDS ? Optional.empty() : Optional.of(line);
    }

    /**
     * What keeps a line from reading as a headline, or an empty string: a trailing colon or
     * comma (a preface such as "The outlets' own headlines:"), brackets left open or closed
     * without opening (a fragment such as "AI model)"), too few letters, or words addressed
     * to a model.
     *
     * @param line a headline
     * @return the reason it is not one, or an empty string
     */
    static String headlineShape(String line) {
        if (line.matches(".*[:;,(\\[{<–—-]\\s*$")) {
            return "it ends as if more should follow";
        }
        if (!line.matches("^[\"“‘'\\p{L}\\p{N}].*")) {
            return "it does not start with a word";
        }
        if (!balanced(line, '(', ')') || !balanced(line, '[', ']')) {
            return "its brackets do not match";
        }
        if (line.codePoints().filter(Character::isLetter).count() < 4) {
            return "it has too few letters";
        }
        if (UntrustedText.addressesAModel(line)) {
            return "it addresses an AI model";
        }
        return "";
    }

    /**
     * @param reply the executive summary as the model wrote it
     * @return its lines by their number, the first line of each number only; other lines are left out
     */
    static Map<Integer, String> numberedLines(String reply) {
        Map<Integer, String> lines = new HashMap<>();
        for (String line : reply.split("\\R")) {
            Matcher matcher = NUMBERED.matcher(line);
            if (matcher.matches()) {
                lines.putIfAbsent(Integer.parseInt(matcher.group(1)), matcher.group(2).strip());
            }
        }
        return lines;
    }

    private static boolean balanced(String line, char open, char close) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
