package org.newsbrief.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;

class NlpModelsTest {

    @Test
    void loadsEachEnglishModelOnceFromTheClasspath() {
        NlpModels models = TestFiles.MODELS;

        assertThat(models.hasSentenceModel("en")).isTrue();
        assertThat(models.sentenceModel("en")).isSameAs(models.sentenceModel("en"));
        assertThat(models.tokenizerModel("en")).isNotNull();
        assertThat(models.posModel("en")).isNotNull();
        assertThat(models.lemmatizerModel("en")).isNotNull();
        assertThat(models.languageModel()).isNotNull();
    }

    @Test
    void missingModelNamesTheArtifactToAdd() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            NlpModels models = new NlpModels(empty);

            assertThat(models.hasSentenceModel("en")).isFalse();
            assertThatThrownBy(() -> models.sentenceModel("en"))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageContaining("opennlp-models-sentdetect-en");
            assertThatThrownBy(() -> models.sentenceModel("de"))
                    .hasMessageContaining("opennlp-models-sentdetect-de");
        }
    }
}
