package org.newsbrief.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryLengthTest {

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> SummaryLength.sentences(0)).hasMessageContaining("sentences");
        assertThatThrownBy(() -> SummaryLength.words(-1)).hasMessageContaining("words");
        assertThatThrownBy(() -> new SummaryLength(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void algorithmsAreFoundByTheirNames() {
        assertThat(Algorithm.byName("TextRank")).isEqualTo(Algorithm.TEXTRANK);
        assertThat(Algorithm.byName("lead").create()).isInstanceOf(LeadSummarizer.class);
        assertThatThrownBy(() -> Algorithm.byName("magic")).hasMessageContaining("auto, learned, newsrank, lead, textrank");
    }
}
