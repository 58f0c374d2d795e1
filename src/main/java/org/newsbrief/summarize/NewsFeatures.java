package org.newsbrief.summarize;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.Token;

/**
 * The features the learned news scorer sees for each sentence: where it stands, how long it is,
 * how central the unsupervised scorers find it ({@link NewsRankSummarizer}'s TextRank over words,
 * LexRank and the centroid over stems), and what kind of sentence it is (a quote, an
 * attribution, numbers and names, a dateline), a few of these weighed by how early the sentence
 * stands (a central sentence, a long one or a quote counts for more in the lede than further
 * down), and how close it is to its report's first sentence. Every value lies roughly between 0
 * and 1, so one regularisation strength suits them all. The feature set follows the surface features of
 * SummaRuNNer's interpretable variant (Nallapati, Zhai and Zhou, "SummaRuNNer: A Recurrent Neural
 * Network based Sequence Model for Extractive Summarization of Documents", AAAI 2017): position,
 * content (centrality) and salience against the title.
 */
public final class NewsFeatures {

    /** The feature names, in the order {@link #of} fills each row. */
    public static final List<String> NAMES = List.of(
            "first", "second", "third", "inverse_position", "relative_position", "first_in_paragraph",
            "paragraph_position", "words", "short", "long", "newsrank", "lexrank", "centroid", "title_overlap",
            "quotation", "attribution", "numbers", "names", "dateline", "points_back", "question",
            // where a sentence stands changes what its other qualities are worth
            "lead_newsrank", "lead_lexrank", "lead_words", "lead_quotation", "lead_attribution",
            "first_similarity", "words_squared", "relative_length");

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "\\b(said|says|told|according to|added|stated|announced|reported)\\b");
    private static final Pattern DATELINE = Pattern.compile(
            "^(\\(CNN\\)|[A-Z][A-Z .,'-]+(,[^(]{0,40})?\\([^)]{1,40}\\)\\s*(--|-|—)|By \\.|[A-Z][A-Z .,'-]{2,}\\s*(--|—))");

    private static final Pattern TITLE_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private NewsFeatures() {}

    /**
     * @param article the analyzed article (or several joined with {@link AnalyzedArticle#combine})
     * @return one row of {@link #NAMES}-many features per sentence, in document order
     */
    public static double[][] of(AnalyzedArticle article) {
        return of(article, Terms.words(article.sentences()));
    }

    /**
     * @param article the analyzed article
     * @param words its sentences' content words, as {@link Terms#words} finds them
     * @return one row of features per sentence
     */
    static double[][] of(AnalyzedArticle article, List<List<String>> words) {
        List<Sentence> sentences = article.sentences();
        int n = sentences.size();
        double[][] rows = new double[n][];
        if (n == 0) {
            return rows;
        }
        // newsrank's graph runs over the words, which keeps names and figures apart; LexRank and the
        // centroid share one pass over the stems
        double[] newsRank = normalized(NewsRankSummarizer.scores(sentences, words, NewsRankSummarizer.LENGTH_EXPONENT));
        List<List<String>> terms = Terms.stems(words);
        TermVectors vectors = TermVectors.of(terms); // the same vectors serve all three
        double[] lexRank = normalized(n <= TextRankSummarizer.MAX_GRAPH_SENTENCES
                ? LexRankSummarizer.scores(n, vectors, n) : LexRankSummarizer.scores(n, terms));
        double[] centroid = normalized(CentroidSummarizer.scores(vectors, n));
        double meanWords = 0;
        for (Sentence sentence : sentences) {
            meanWords += sentence.wordCount();
        }
        meanWords = Math.max(1, meanWords / n);
        Set<String> title = new HashSet<>();
        for (String word : Terms.words(List.of(titleSentence(article.title()))).get(0)) {
            title.add(word);
        }
        int[] documentSize = new int[article.documentCount()];
        for (int i = 0; i < n; i++) {
            documentSize[article.documentOf(i)]++;
        }
        int paragraphPosition = 0;
        int documentStart = 0;
        for (int i = 0; i < n; i++) {
            Sentence sentence = sentences.get(i);
            paragraphPosition = i > 0 && sentences.get(i - 1).block() == sentence.block() ? paragraphPosition + 1 : 0;
            int position = article.positionInDocument(i);
            if (position == 0) {
                documentStart = i;
            }
            int size = documentSize[article.documentOf(i)];
            int wordCount = sentence.wordCount();
            String text = sentence.text();
            double lead = 1.0 / (1 + position);
            double length = Math.min(wordCount, 60) / 60.0;
            boolean quotation = text.indexOf('"') >= 0 || text.indexOf('“') >= 0 || text.indexOf('”') >= 0;
            boolean attribution = ATTRIBUTION.matcher(text.toLowerCase(Locale.ROOT)).find();
            double overlap = 0;
            if (!title.isEmpty()) {
                Set<String> own = new HashSet<>(words.get(i));
                own.retainAll(title);
                overlap = own.size() / (double) title.size();
            }
            rows[i] = new double[] {
                position == 0 ? 1 : 0,
                position == 1 ? 1 : 0,
                position == 2 ? 1 : 0,
                lead,
                size > 1 ? position / (double) (size - 1) : 0,
                paragraphPosition == 0 ? 1 : 0,
                1.0 / (1 + paragraphPosition),
                length,
                wordCount < 10 ? 1 : 0,
                wordCount > 40 ? 1 : 0,
                newsRank[i],
                lexRank[i],
                centroid[i],
                overlap,
                quotation ? 1 : 0,
                attribution ? 1 : 0,
                text.chars().anyMatch(Character::isDigit) ? 1 : 0,
                Math.min(1, names(sentence) / 4.0),
                DATELINE.matcher(text).lookingAt() ? 1 : 0,
                Openers.pointsBack(sentence) ? 1 : 0,
                text.endsWith("?") || text.endsWith("?\"") || text.endsWith("?”") ? 1 : 0,
                lead * newsRank[i],
                lead * lexRank[i],
                lead * length,
                quotation ? lead : 0,
                attribution ? lead : 0,
                position > 0 ? vectors.cosine(documentStart, i) : 0,
                length * length,
                Math.min(3, wordCount / meanWords) / 3,
            };
        }
        return rows;
    }

    /** Capitalized words after the first, which in English are mostly names. */
    private static int names(Sentence sentence) {
        int names = 0;
        List<Token> tokens = sentence.tokens();
        for (int t = 1; t < tokens.size(); t++) {
            String token = tokens.get(t).text();
            if (!token.isEmpty() && Character.isUpperCase(token.charAt(0))) {
                names++;
            }
        }
        return names;
    }

    private static Sentence titleSentence(String title) {
        List<Token> tokens = new java.util.ArrayList<>();
        java.util.regex.Matcher word = TITLE_WORD.matcher(title);
        while (word.find()) {
            tokens.add(new Token(word.group(), word.start(), word.end()));
        }
        return new Sentence(0, 0, title, 0, title.length(), tokens);
    }

    /** Scores divided by the article's highest, so articles of any size compare. */
    private static double[] normalized(double[] scores) {
        double top = 0;
        for (double score : scores) {
            top = Math.max(top, score);
        }
        double[] result = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            result[i] = top > 0 ? scores[i] / top : 0;
        }
        return result;
    }
}
