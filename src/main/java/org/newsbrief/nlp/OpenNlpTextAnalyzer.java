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

    /**
     * How much of one article is analyzed: about 16,000 words, more than the longest feature a
     * briefing summarizes. Sentence detection, similarity matrices and clustering all grow faster
     * than the text, so a page of megabytes would otherwise hold up the whole edition.
     */
    static final int MAX_CHARS = 100_000;
    /** Sentences kept from one article; a page of one-word "sentences" is otherwise a matrix of millions. */
    static final int MAX_SENTENCES = 1_000;
    /**
     * Tokens in one sentence, beyond any real one; longer runs (text without punctuation) are cut
     * in pieces, because the part-of-speech beam search costs the square of a sentence's length.
     */
    static final int MAX_SENTENCE_TOKENS = 150;
    /** Punctuation after which a long sentence is best cut. */
    private static final java.util.Set<String> BREAKS = java.util.Set.of(",", ";", ":", "-", "–", "—", ")", "\"", "”");

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
        List<String> notes = new ArrayList<>();
        String body = article.text();
        if (body.length() > MAX_CHARS) {
            body = body.substring(0, cutPoint(body, MAX_CHARS));
            notes.add(String.format(java.util.Locale.ROOT, "only the first %,d of its %,d characters were analyzed",
                    body.length(), article.text().length()));
        }
        Structure structure = Structure.of(body, article.title());
        String language = detectLanguage(structure);
        Splitter splitter = splitter(language);
        if (splitter == null) {
            notes.add("language '" + language + "' has no sentence model here; sentences were split by punctuation rules");
        }
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> dropped = new ArrayList<>(structure.dropped());
        int cut = 0;
        for (Structure.Unit unit : structure.blocks()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(unit.text());
            blocks.add(new Block(unit.kind(), unit.text(), start, text.length()));
            if (unit.kind() == Block.Kind.PARAGRAPH && sentences.size() < MAX_SENTENCES) {
                stopIfInterrupted(article);
                String paragraph = unit.text();
                int from = Furniture.lead(paragraph);
                int to = Furniture.end(paragraph, from);
                String prose = paragraph.substring(from, to);
                Span[] spans = splitter == null ? RuleBasedSentenceSplitter.split(prose)
                        : Abbreviations.merge(prose, splitter.split(prose));
                cut += addSentences(prose, spans, start + from, blocks.size() - 1, sentences, dropped);
            }
        }
        if (cut > 0) {
            notes.add(String.format(java.util.Locale.ROOT,
                    "%,d %s without punctuation %s cut into pieces of at most %d tokens", cut,
                    cut == 1 ? "sentence" : "sentences", cut == 1 ? "was" : "were", MAX_SENTENCE_TOKENS));
        }
        if (sentences.size() >= MAX_SENTENCES) {
            notes.add(String.format(java.util.Locale.ROOT, "only the first %,d sentences were analyzed", MAX_SENTENCES));
        }
        return new AnalyzedArticle(article, structure.title(), text.toString(), blocks, sentences, () -> language,
                dropped, new Tagger(), notes);
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

    /** @return how many sentences were too long and cut in pieces */
    private int addSentences(String paragraph, Span[] spans, int offset, int block, List<Sentence> sentences,
            List<String> dropped) {
        int cut = 0;
        for (Span span : spans) {
            if (sentences.size() >= MAX_SENTENCES) {
                break;
            }
            Span trimmed = span.trim(paragraph);
            if (trimmed.length() == 0) {
                continue;
            }
            String sentence = paragraph.substring(trimmed.getStart(), trimmed.getEnd());
            if (Furniture.isCaption(sentence) || Boilerplate.isPrompt(sentence) || Boilerplate.isBoilerplate(sentence)) {
                dropped.add(sentence); // a caption or a "Scroll down for video" set inside the prose
                continue;
            }
            int start = offset + trimmed.getStart();
            List<Token> tokens = new ArrayList<>();
            for (Span token : tokenizer.get().tokenizePos(sentence)) {
                tokens.add(new Token(sentence.substring(token.getStart(), token.getEnd()),
                        start + token.getStart(), start + token.getEnd()));
            }
            if (tokens.size() <= MAX_SENTENCE_TOKENS) {
                sentences.add(new Sentence(sentences.size(), block, sentence, start, start + sentence.length(), tokens));
                continue;
            }
            cut++;
            for (int from = 0; from < tokens.size() && sentences.size() < MAX_SENTENCES; ) {
                int to = pieceEnd(tokens, from);
                List<Token> piece = tokens.subList(from, to);
                int pieceStart = piece.get(0).start();
                int pieceEnd = piece.get(piece.size() - 1).end();
                sentences.add(new Sentence(sentences.size(), block,
                        sentence.substring(pieceStart - start, pieceEnd - start), pieceStart, pieceEnd, piece));
                from = to;
            }
        }
        return cut;
    }

    /**
     * Where a piece of an overlong sentence starting at {@code from} ends: after the last
     * punctuation mark in the second half of the allowed length, else at the length itself.
     */
    private static int pieceEnd(List<Token> tokens, int from) {
        int limit = Math.min(tokens.size(), from + MAX_SENTENCE_TOKENS);
        if (limit == tokens.size()) {
            return limit;
        }
        for (int t = limit - 1; t > from + MAX_SENTENCE_TOKENS / 2; t--) {
            if (BREAKS.contains(tokens.get(t).text())) {
                return t + 1;
            }
        }
        return limit;
    }

    /** The last white space at or before {@code max}, so no word is cut, or {@code max} itself. */
    private static int cutPoint(String text, int max) {
        for (int i = max; i > max - 1_000; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }

    /**
     * Analysis gives up when its thread is interrupted, which is how a run stops an article that
     * outlived its deadline; OpenNLP itself never looks.
     */
    private static void stopIfInterrupted(Article article) {
        if (Thread.currentThread().isInterrupted()) {
            throw new AnalysisException("analysis of " + article.origin() + " was stopped");
        }
    }

    /** Tags with a tagger built for the calling thread; lemmatizes only when lemmas are asked for. */
    private final class Tagger implements AnalyzedArticle.Tagging {

        @Override
        public AnalyzedArticle.Tags apply(List<Sentence> sentences) {
            List<List<String>> tags = partsOfSpeech(sentences);
            LemmatizerME lemmatizer = new LemmatizerME(models.lemmatizerModel(LANGUAGE));
            List<List<String>> lemmas = new ArrayList<>();
            for (int s = 0; s < sentences.size(); s++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new AnalysisException("lemmatizing was stopped");
                }
                lemmas.add(List.of(lemmatizer.lemmatize(words(sentences.get(s)), tags.get(s).toArray(String[]::new))));
            }
            return new AnalyzedArticle.Tags(tags, lemmas);
        }

        @Override
        public List<List<String>> partsOfSpeech(List<Sentence> sentences) {
            POSTaggerME tagger = new POSTaggerME(models.posModel(LANGUAGE));
            List<List<String>> tags = new ArrayList<>();
            for (Sentence sentence : sentences) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new AnalysisException("tagging was stopped");
                }
                tags.add(List.of(tagger.tag(words(sentence))));
            }
            return tags;
        }

        private static String[] words(Sentence sentence) {
            return sentence.tokens().stream().map(Token::text).toArray(String[]::new);
        }
    }
}
