package org.newsbrief.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.newsbrief.ingest.Article;

/**
 * Analysis with OpenNLP. Structure comes first ({@link Structure}: blocks, headings,
 * boilerplate), then the language is detected, then sentences are detected paragraph by paragraph
 * with that language's model (English, German or French here; other languages are split by
 * punctuation rules and the article says so) and tokenized.
 *
 * <p>Safe to share between threads: the models are shared, and each thread builds its own
 * detectors from them, since OpenNLP's {@code *ME} classes are not thread-safe.
 */
public final class OpenNlpTextAnalyzer implements TextAnalyzer {

    private static final String LANGUAGE = "en";
    private static final int LANGUAGE_SAMPLE_CHARS = 700;
    private static final int LANGUAGE_MIN_CHARS = 40;
    private static final double LANGUAGE_MIN_CONFIDENCE = 0.1;

    /** Languages with a sentence model on the classpath, by ISO 639-3 code, with their 639-1 code. */
    private static final Map<String, String> SENTENCE_MODELS = Map.of("eng", "en", "deu", "de", "fra", "fr", "ita", "it",
            "nld", "nl");
    /** The commonest English words; text where they are frequent is English without asking the model. */
    private static final java.util.Set<String> ENGLISH = java.util.Set.of("the", "of", "and", "to", "in", "a", "is",
            "that", "for", "on", "was", "with", "said", "it", "as", "at", "by", "from", "he", "be", "are", "have", "has",
            "will", "an", "were", "but", "not", "this", "which", "who", "their", "they", "its", "had", "been");
    private static final java.util.regex.Pattern LETTERS = java.util.regex.Pattern.compile("\\p{L}+");

    private final NlpModels models;
    private final ThreadLocal<Map<String, SentenceDetectorME>> sentenceDetectors;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<LanguageDetectorME> languageDetector;

    /**
     * @param models the shared models
     */
    public OpenNlpTextAnalyzer(NlpModels models) {
        this.models = Objects.requireNonNull(models, "models");
        this.sentenceDetectors = ThreadLocal.withInitial(java.util.HashMap::new);
        this.tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(wordsWhole(models.tokenizerModel(LANGUAGE))));
        this.languageDetector = ThreadLocal.withInitial(() -> new LanguageDetectorME(models.languageModel()));
    }

    /**
     * The same tokenizer, told to keep runs of plain letters and digits whole instead of asking
     * the model about every character in them. On news this changes under 0.1% of tokens and
     * makes tokenizing about three times faster.
     */
    private static TokenizerModel wordsWhole(TokenizerModel model) {
        if (model.useAlphaNumericOptimization()) {
            return model;
        }
        TokenizerFactory factory = new TokenizerFactory(model.getLanguage(), model.getAbbreviations(), true, null);
        return new TokenizerModel(model.getMaxentModel(), Map.of(), factory);
    }

    @Override
    public AnalyzedArticle analyze(Article article) {
        Objects.requireNonNull(article, "article");
        Structure structure = Structure.of(article.text(), article.title());
        String language = detectLanguage(structure);
        Splitter splitter = splitter(language);
        List<String> notes = new ArrayList<>();
        if (splitter == null) {
            notes.add("language '" + language + "' has no sentence model here; sentences were split by punctuation rules");
        }
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        for (Structure.Unit unit : structure.blocks()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(unit.text());
            blocks.add(new Block(unit.kind(), unit.text(), start, text.length()));
            if (unit.kind() == Block.Kind.PARAGRAPH) {
                Span[] spans = splitter == null ? RuleBasedSentenceSplitter.split(unit.text()) : splitter.split(unit.text());
                addSentences(unit.text(), spans, start, blocks.size() - 1, sentences);
            }
        }
        return new AnalyzedArticle(article, structure.title(), text.toString(), blocks, sentences, () -> language,
                structure.dropped(), this::tag, notes);
    }

    private interface Splitter {
        Span[] split(String paragraph);
    }

    /** The sentence model for the language, or {@code null} when there is none. */
    private Splitter splitter(String language) {
        String code = language.equals("und") ? LANGUAGE : SENTENCE_MODELS.get(language);
        if (code == null || !models.hasSentenceModel(code)) {
            return null;
        }
        return paragraph -> sentenceDetectors.get()
                .computeIfAbsent(code, c -> new SentenceDetectorME(models.sentenceModel(c))).sentPosDetect(paragraph);
    }

    /**
     * English is recognized by its commonest words, which is instant; anything else goes to
     * OpenNLP's language model. Too little text is undetermined and treated as English.
     */
    private String detectLanguage(Structure structure) {
        StringBuilder sample = new StringBuilder(structure.title()).append('\n');
        for (Structure.Unit unit : structure.blocks()) {
            if (sample.length() >= LANGUAGE_SAMPLE_CHARS) {
                break;
            }
            sample.append(unit.text()).append('\n');
        }
        String text = sample.length() > LANGUAGE_SAMPLE_CHARS ? sample.substring(0, LANGUAGE_SAMPLE_CHARS) : sample.toString();
        int words = 0;
        int english = 0;
        java.util.regex.Matcher matcher = LETTERS.matcher(text);
        while (matcher.find()) {
            words++;
            if (ENGLISH.contains(matcher.group().toLowerCase(java.util.Locale.ROOT))) {
                english++;
            }
        }
        if (words >= 12 && english * 8 >= words) {
            return "eng";
        }
        if (text.strip().length() < LANGUAGE_MIN_CHARS) {
            return "und";
        }
        Language best = languageDetector.get().predictLanguage(text);
        return best.getConfidence() < LANGUAGE_MIN_CONFIDENCE ? "und" : best.getLang();
    }

    private void addSentences(String paragraph, Span[] spans, int offset, int block, List<Sentence> sentences) {
        for (Span span : spans) {
            Span trimmed = span.trim(paragraph);
            if (trimmed.length() == 0) {
                continue;
            }
            String sentence = paragraph.substring(trimmed.getStart(), trimmed.getEnd());
            int start = offset + trimmed.getStart();
            List<Token> tokens = new ArrayList<>();
            for (Span token : tokenizer.get().tokenizePos(sentence)) {
                tokens.add(new Token(sentence.substring(token.getStart(), token.getEnd()),
                        start + token.getStart(), start + token.getEnd()));
            }
            sentences.add(new Sentence(sentences.size(), block, sentence, start, start + sentence.length(), tokens));
        }
    }

    private AnalyzedArticle.Tags tag(List<Sentence> sentences) {
        POSTaggerME tagger = new POSTaggerME(models.posModel(LANGUAGE));
        LemmatizerME lemmatizer = new LemmatizerME(models.lemmatizerModel(LANGUAGE));
        List<List<String>> tags = new ArrayList<>();
        List<List<String>> lemmas = new ArrayList<>();
        for (Sentence sentence : sentences) {
            String[] tokens = sentence.tokens().stream().map(Token::text).toArray(String[]::new);
            String[] sentenceTags = tagger.tag(tokens);
            tags.add(List.of(sentenceTags));
            lemmas.add(List.of(lemmatizer.lemmatize(tokens, sentenceTags)));
        }
        return new AnalyzedArticle.Tags(tags, lemmas);
    }
}
