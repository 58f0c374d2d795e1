package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionModelTest {

    private static final String TEXT = """
            # a model written by hand
            sections\tSport\tBusiness
            items\t10
            bias\t0.10\t-0.10
            goal\t2\t1.50\t-1.50
            share\t4\t-1.00\t1.00
            t:goal\t1\t0.50\t-0.50
            #hashtag\t1\t0.25\t-0.25
            """;

    private static SectionModel read(String text) throws IOException {
        return SectionModel.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "hand.txt");
    }

    @Test
    void readsWhatItWritesByteForByte() throws IOException {
        SectionModel model = read(TEXT);

        assertThat(model.format()).isEqualTo(TEXT);
        assertThat(model.comments()).containsExactly("a model written by hand");
        assertThat(model.sections()).containsExactly("Sport", "Business");
        assertThat(model.termCount()).as("a # after the header starts a term").isEqualTo(4);
    }

    @Test
    void scoresWeighTermsByTfIdfInAVectorOfLengthOne() throws IOException {
        SectionModel model = read(TEXT);

        double[] scores = model.scores(Map.of("goal", 1, "unknown", 5));

        // "goal" alone: its value is 1 after normalization, whatever its idf
        assertThat(scores[0]).isCloseTo(0.1 + 1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scores[1]).isCloseTo(-0.1 - 1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.scores(Map.of())).containsExactly(0.1, -0.1);
        // two terms: each value is (1 + ln count) * idf before the vector is made of length one
        double goal = SectionModel.idf(10, 2);
        double share = (1 + Math.log(3)) * SectionModel.idf(10, 4);
        double norm = Math.hypot(goal, share);
        assertThat(model.scores(Map.of("goal", 1, "share", 3))[0])
                .isCloseTo(0.1 + 1.5 * goal / norm - 1.0 * share / norm, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.knowsAny(List.of("unknown"))).isFalse();
        assertThat(model.knowsAny(List.of("unknown", "share"))).isTrue();
    }

    @Test
    void aMalformedLineIsNamedByFileAndLine() {
        assertThatThrownBy(() -> read(TEXT.replace("share\t4\t-1.00\t1.00", "share\t4\t-1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hand.txt:6: ");
        assertThatThrownBy(() -> read(TEXT.replace("0.50", "half")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hand.txt:7: ");
        assertThatThrownBy(() -> read("# nothing else\n")).hasMessage("hand.txt: no 'sections' line");
        assertThatThrownBy(() -> read(TEXT + "goal\t1\t0.00\t0.00\n")).hasMessageContaining("goal appears twice");
        assertThatThrownBy(() -> read(TEXT.replace("goal\t2\t", "goal\t11\t"))).hasMessageContaining("in 1 to 10 items");
    }

    @Test
    void numbersAreRoundedAsTheFilePrintsThem() {
        assertThat(SectionModel.rounded(0.12345)).isEqualTo(0.12);
        assertThat(SectionModel.rounded(-2.675)).isEqualTo(Double.parseDouble(SectionModel.number(-2.675)));
        assertThat(SectionModel.number(-0.001)).isEqualTo("0.00");
        assertThat(SectionModel.number(-1.5)).isEqualTo("-1.50");
        assertThat(SectionModel.number(12.05)).isEqualTo("12.05");
    }
}
