package org.newsbrief.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Sentence splitting by punctuation, for languages without a sentence model: a sentence ends at
 * {@code . ! ? …} (and any closing quotes or brackets) followed by white space and a capital,
 * digit or opening quote, and at the ideographic full stops {@code 。！？} of Chinese and
 * Japanese. A few common abbreviations do not end a sentence.
 */
final class RuleBasedSentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "nr", "art", "bzw", "ca",
            "z.b", "u.a", "s", "p", "m", "mme", "mlle", "sig", "dott");
    private static final String CLOSERS = "\"'”’»)]";

    private RuleBasedSentenceSplitter() {}

    static Span[] split(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean ideographic = c == '。' || c == '！' || c == '？';
            if (!ideographic && c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = i + 1;
            while (end < n && (CLOSERS.indexOf(text.charAt(end)) >= 0 || text.charAt(end) == '.')) {
                end++;
            }
            if (!ideographic) {
                if (end >= n || !Character.isWhitespace(text.charAt(end))) {
                    continue;
                }
                int next = end;
                while (next < n && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                if (next < n && !startsSentence(text.charAt(next))) {
                    continue;
                }
                if (c == '.' && isAbbreviation(text, start, i)) {
                    continue;
                }
            }
            addTrimmed(text, start, end, spans);
            start = end;
            i = end - 1;
        }
        addTrimmed(text, start, n, spans);
        return spans.toArray(new Span[0]);
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘«(¿¡".indexOf(c) >= 0
                || Character.isLetter(c) && !Character.isLowerCase(c);
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(java.util.Locale.ROOT).replaceAll("^[\"'“(]+", "");
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    private static void addTrimmed(String text, int start, int end, List<Span> spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }
}
