package org.newsbrief.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP models on the classpath, each loaded once, on first use, and then shared. Every
 * model jar holds a {@code model.properties} naming its {@code .bin} file and language; this class
 * indexes those files and never downloads anything.
 *
 * <p>Models are thread-safe and meant to be shared; the {@code *ME} tools built from them are not,
 * so each thread builds its own.
 */
public final class NlpModels {

    /** The kinds of model newsbrief uses, and how their file names tell them apart. */
    enum Kind {
        SENTENCE("-sentence-", "opennlp-models-sentdetect-%s"),
        TOKENIZER("-tokens-", "opennlp-models-tokenizer-%s"),
        POS("-pos-", "opennlp-models-pos-%s"),
        LEMMATIZER("-lemmas-", "opennlp-models-lemmatizer-%s"),
        LANGUAGE("langdetect", "opennlp-models-langdetect");

        private final String marker;
        private final String artifact;

        Kind(String marker, String artifact) {
            this.marker = marker;
            this.artifact = artifact;
        }
    }

    private final ClassLoader loader;
    private final Map<String, String> resources;
    private final Map<String, Object> loaded = new ConcurrentHashMap<>();

    /** Indexes the models visible to this class's class loader. */
    public NlpModels() {
        this(NlpModels.class.getClassLoader());
    }

    /**
     * @param loader the class loader whose {@code model.properties} files are indexed
     * @throws AnalysisException when the index cannot be read
     */
    public NlpModels(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.resources = index(loader);
    }

    /**
     * @param language ISO 639-1 code, such as {@code en}
     * @return whether a sentence model for that language is on the classpath
     */
    public boolean hasSentenceModel(String language) {
        return resources.containsKey(key(Kind.SENTENCE, language));
    }

    /**
     * @param language ISO 639-1 code, such as {@code en}
     * @return the sentence detection model
     * @throws AnalysisException when it is missing or cannot be loaded
     */
    public SentenceModel sentenceModel(String language) {
        return load(Kind.SENTENCE, language, SentenceModel::new);
    }

    /**
     * @param language ISO 639-1 code
     * @return the tokenizer model
     * @throws AnalysisException when it is missing or cannot be loaded
     */
    public TokenizerModel tokenizerModel(String language) {
        return load(Kind.TOKENIZER, language, TokenizerModel::new);
    }

    /**
     * @param language ISO 639-1 code
     * @return the part-of-speech model
     * @throws AnalysisException when it is missing or cannot be loaded
     */
    public POSModel posModel(String language) {
        return load(Kind.POS, language, POSModel::new);
    }

    /**
     * @param language ISO 639-1 code
     * @return the lemmatizer model
     * @throws AnalysisException when it is missing or cannot be loaded
     */
    public LemmatizerModel lemmatizerModel(String language) {
        return load(Kind.LEMMATIZER, language, LemmatizerModel::new);
    }

    /**
     * @return the language detection model
     * @throws AnalysisException when it is missing or cannot be loaded
     */
    public LanguageDetectorModel languageModel() {
        return load(Kind.LANGUAGE, "", LanguageDetectorModel::new);
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private <T> T load(Kind kind, String language, ModelReader<T> reader) {
        String key = key(kind, language);
        @SuppressWarnings("unchecked")
        T model = (T) loaded.computeIfAbsent(key, k -> read(kind, language, reader));
        return model;
    }

    private <T> T read(Kind kind, String language, ModelReader<T> reader) {
        String resource = resources.get(key(kind, language));
        if (resource == null) {
            throw new AnalysisException("no OpenNLP " + kind.name().toLowerCase(Locale.ROOT) + " model"
                    + (language.isEmpty() ? "" : " for '" + language + "'") + " on the classpath (add the Maven artifact "
                    + String.format(kind.artifact, language) + ")");
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AnalysisException("OpenNLP model " + resource + " is listed in a model.properties but missing");
            }
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AnalysisException analysis) {
                throw analysis;
            }
            throw new AnalysisException("cannot load OpenNLP model " + resource + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> index(ClassLoader loader) {
        Map<String, String> index = new HashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources("model.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                String name = properties.getProperty("model.name", "");
                String language = properties.getProperty("model.language", "");
                for (Kind kind : Kind.values()) {
                    if (name.contains(kind.marker)) {
                        index.putIfAbsent(key(kind, kind == Kind.LANGUAGE ? "" : language), name);
                    }
                }
            }
        } catch (IOException e) {
            throw new AnalysisException("cannot read the model.properties files on the classpath: " + e.getMessage(), e);
        }
        return Map.copyOf(index);
    }

    private static String key(Kind kind, String language) {
        return kind + ":" + language;
    }
}
