package org.newsbrief.summarize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.stemmer.PorterStemmer;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.Token;

/** The content words of sentences: lower-cased, Porter-stemmed, without stop words. */
public final class Terms {

    private static final String STOP_WORDS_RESOURCE = "stopwords-en.txt";
    private static final Set<String> STOP_WORDS = loadStopWords();

    private Terms() {}

    /**
     * @param sentences sentences to reduce
     * @return for each sentence its content terms, in token order, repeats kept
     */
    public static List<List<String>> of(List<Sentence> sentences) {
        return stems(words(sentences));
    }

    /**
     * @param words each sentence's content words, as {@link #words} finds them
     * @return for each sentence its content terms, as {@link #of} finds them
     */
    static List<List<String>> stems(List<List<String>> words) {
        PorterStemmer stemmer = new PorterStemmer(); // holds state, so one per call
        java.util.Map<String, String> known = new java.util.HashMap<>(); // an article repeats its words
        List<List<String>> terms = new ArrayList<>(words.size());
        for (List<String> sentenceWords : words) {
            List<String> stems = new ArrayList<>(sentenceWords.size());
            for (String word : sentenceWords) {
                String stem = known.get(word);
                if (stem == null) {
                    stem = stemmer.stem(word);
                    known.put(word, stem);
                }
                stems.add(stem);
            }
            terms.add(stems);
        }
        return terms;
    }

    /**
     * @param sentences sentences to reduce
     * @return for each sentence its content words, lower-cased but not stemmed, repeats kept
     */
    public static List<List<String>> words(List<Sentence> sentences) {
        List<List<String>> words = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            List<String> sentenceWords = new ArrayList<>();
            for (Token token : sentence.tokens()) {
                String word = token.text().toLowerCase(Locale.ROOT);
                if (Sentence.isWord(word) && !STOP_WORDS.contains(word)) {
                    sentenceWords.add(word);
                }
            }
            words.add(sentenceWords);
        }
        return words;
    }

    /**
     * @param word a lower-cased word
     * @return whether it is a function word left out of comparisons
     */
    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = Terms.class.getResourceAsStream(STOP_WORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("stop word list " + STOP_WORDS_RESOURCE + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stop word list " + STOP_WORDS_RESOURCE, e);
        }
    }
}
