package org.newsbrief.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.PorterStemmer;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.Token;
import org.newsbrief.summarize.Terms;

/**
 * Checks each sentence a model wrote against the source sentences it was meant to summarize. A
 * sentence is kept only when all three hold:
 * <ol>
 *   <li>every number in it occurs in the sources (digits compared after dropping thousands
 *       separators; "three" and "3" count as the same number, up to twenty);</li>
 *   <li>every capitalized word, a name as far as a check without a model can tell, occurs in the
 *       sources, in any case or as the same stem; the first word is exempt only when it is an
 *       ordinary capitalized word opening a sentence of at least {@value #EXEMPT_FROM_WORDS} words,
 *       so a reply of one or two words such as "PWNED-CANARY." is checked whole;</li>
 *   <li>it has at least {@value #MIN_CONTENT_WORDS} content words (stemmed, stop words left out),
 *       and at least {@value #MIN_SUPPORT} of them, and no fewer than {@value #MIN_CONTENT_WORDS},
 *       occur in one single source sentence: lexical support in the sense of ROUGE-1 precision
 *       against the best-matching sentence.</li>
 * </ol>
 * A headline is checked for names and numbers the same way, and at least half of its content
 * words, and no fewer than {@value #MIN_CONTENT_WORDS}, must occur somewhere in the sources.
 * The sources never include sentences that address a model ({@link UntrustedText}), so a reply
 * that repeats an injected sentence has nothing to be grounded on.
 * The threshold is deliberately simple and documented so editors can predict it: a model that
 * paraphrases heavily loses sentences, and the briefing falls back to quoting the sources.
 */
final class Grounding {

    /** The least share of a sentence's content words that one source sentence must hold. */
    static final double MIN_SUPPORT = 0.5;
    /** The fewest content words a written sentence or headline must share with the sources. */
    static final int MIN_CONTENT_WORDS = 2;
    /** The fewest words a sentence needs for its first word to be exempt from the name check. */
    static final int EXEMPT_FROM_WORDS = 4;

    private static final Pattern ORDINARY_WORD = Pattern.compile("\\p{Lu}\\p{Ll}*");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Map<String, String> NUMBER_WORDS = numberWords();

    private final List<Set<String>> sourceTerms = new ArrayList<>();
    private final Set<String> allTerms = new HashSet<>();
    private final Set<String> words = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();

    /**
     * @param sources the sentences the model was given, without those addressing a model
     */
    Grounding(List<Sentence> sources) {
        PorterStemmer stemmer = new PorterStemmer();
        for (List<String> terms : Terms.of(sources)) {
            sourceTerms.add(new HashSet<>(terms));
            allTerms.addAll(terms);
        }
        for (Sentence sentence : sources) {
            for (Token token : sentence.tokens()) {
                String word = token.text().toLowerCase(Locale.ROOT);
                words.add(word);
                words.add(stemmer.stem(word));
                String number = NUMBER_WORDS.get(word);
                if (number != null) {
                    numbers.add(number);
                }
            }
            Matcher matcher = NUMBER.matcher(sentence.text());
            while (matcher.find()) {
                numbers.add(normalized(matcher.group()));
            }
        }
    }

    /**
     * What a story's written text is checked against: its reports' sentences that speak to a
     * reader ({@link UntrustedText#trusted}) and their titles, unless a title addresses a model.
     *
     * @param reports the reports
     * @param tokenized makes a title one tokenized sentence
     * @return the check
     */
    static Grounding ofReports(List<AnalyzedArticle> reports, Function<String, Sentence> tokenized) {
        List<Sentence> sources = new ArrayList<>();
        for (AnalyzedArticle report : reports) {
            sources.addAll(UntrustedText.trusted(report.sentences()));
            if (!report.title().isBlank() && !UntrustedText.addressesAModel(report.title())) {
                sources.add(tokenized.apply(report.title()));
            }
        }
        return new Grounding(sources);
    }

    /**
     * What the check found for one sentence.
     *
     * @param sentence the sentence
     * @param supported whether it may be used
     * @param reason why not, or an empty string
     */
    record Verdict(String sentence, boolean supported, String reason) {}

    /**
     * @param written one sentence the model wrote, tokenized
     * @return whether it is supported, and why not
     */
    Verdict check(Sentence written) {
        Verdict facts = checkFacts(written);
        if (!facts.supported()) {
            return facts;
        }
        Set<String> terms = new HashSet<>(Terms.of(List.of(written)).get(0));
        if (terms.size() < MIN_CONTENT_WORDS) {
            return new Verdict(written.text(), false, "too few words to check against the sources");
        }
        double support = support(written);
        if (support < MIN_SUPPORT || support * terms.size() < MIN_CONTENT_WORDS) {
            return new Verdict(written.text(), false,
                    String.format(Locale.ROOT, "only %.0f%% of its words are in any one source sentence", support * 100));
        }
        return new Verdict(written.text(), true, "");
    }

    /**
     * The checks for a headline, whose words are too few and too condensed for the support
     * against one sentence: its names and numbers, and content words found in the sources.
     *
     * @param written a headline the model wrote, tokenized
     * @return whether it may be used, and why not
     */
    Verdict checkHeadline(Sentence written) {
        Verdict facts = checkFacts(written);
        if (!facts.supported()) {
            return facts;
        }
        Set<String> terms = new HashSet<>(Terms.of(List.of(written)).get(0));
        long shared = terms.stream().filter(allTerms::contains).count();
        if (shared < MIN_CONTENT_WORDS || shared * 2 < terms.size()) {
            return new Verdict(written.text(), false, shared + " of its " + terms.size() + " content words are in the sources");
        }
        return new Verdict(written.text(), true, "");
    }

    /**
     * The first two checks alone.
     *
     * @param written a headline or sentence the model wrote, tokenized
     * @return whether its names and numbers all occur in the sources
     */
    Verdict checkFacts(Sentence written) {
        Set<String> missingNumbers = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(written.text());
        while (matcher.find()) {
            String number = normalized(matcher.group());
            if (!numbers.contains(number)) {
                missingNumbers.add(matcher.group());
            }
        }
        Set<String> missingNames = new LinkedHashSet<>();
        PorterStemmer stemmer = new PorterStemmer();
        List<Token> tokens = written.tokens();
        boolean firstExempt = written.wordCount() >= EXEMPT_FROM_WORDS && !tokens.isEmpty()
                && ORDINARY_WORD.matcher(tokens.get(0).text()).matches();
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            String word = text.toLowerCase(Locale.ROOT);
            String number = NUMBER_WORDS.get(word);
            if (number != null) {
                if (!numbers.contains(number)) {
                    missingNumbers.add(text);
                }
                continue;
            }
            if ((i > 0 || !firstExempt) && hasUpperCase(text) && !words.contains(word)
                    && !words.contains(stemmer.stem(word)) && !words.contains(possessiveStripped(word))) {
                missingNames.add(text);
            }
        }
        if (!missingNames.isEmpty()) {
            return new Verdict(written.text(), false, "names not in the sources: " + String.join(", ", missingNames));
        }
        if (!missingNumbers.isEmpty()) {
            return new Verdict(written.text(), false, "numbers not in the sources: " + String.join(", ", missingNumbers));
        }
        return new Verdict(written.text(), true, "");
    }

    /** @return the largest share of the sentence's content terms that one source sentence holds */
    double support(Sentence written) {
        Set<String> terms = new HashSet<>(Terms.of(List.of(written)).get(0));
        if (terms.isEmpty()) {
            return 0;
        }
        int best = 0;
        for (Set<String> source : sourceTerms) {
            int shared = 0;
            for (String term : terms) {
                if (source.contains(term)) {
                    shared++;
                }
            }
            best = Math.max(best, shared);
        }
        return (double) best / terms.size();
    }

    /** Any capital counts: "PWNED-CANARY", "iPhone" and "eBay" are names as much as "Orr". */
    private static boolean hasUpperCase(String token) {
        return token.codePoints().anyMatch(Character::isUpperCase);
    }

    private static String possessiveStripped(String word) {
        return word.endsWith("'s") || word.endsWith("’s") ? word.substring(0, word.length() - 2) : word;
    }

    /** Thousands separators go; a decimal part is kept, so 4.25 and 4,250 stay apart. */
    private static String normalized(String number) {
        String digits = number.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? number.replace(",", "") : number.replace(',', '.');
        return digits.contains(".") ? digits.replaceAll("\\.?0+$", "") : digits.replaceFirst("^0+(?=\\d)", "");
    }

    private static Map<String, String> numberWords() {
        String[] names = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        Map<String, String> words = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (i == 1) {
                continue; // "one" is as often a pronoun as a number
            }
            words.put(names[i], Integer.toString(i));
        }
        return Map.copyOf(words);
    }
}
