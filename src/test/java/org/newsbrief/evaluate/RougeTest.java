package org.newsbrief.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples, computed by hand from the definitions in Lin (2004). */
class RougeTest {

    private final Rouge rouge = new Rouge();

    @Test
    void tokensAreLowerCasedAlphanumericRunsStemmedWhenLongerThanThree() {
        assertThat(rouge.tokens("The dogs were RUNNING, aren't they? 3.5% in São-Paulo"))
                .containsExactly("the", "dog", "were", "run", "aren", "t", "thei", "3", "5", "in", "s", "o", "paulo");
    }

    @Test
    void rouge1CountsSharedWordsAtMostAsOftenAsInBoth() {
        // candidate: the cat sat on the mat; reference: the cat is on the mat
        // shared unigrams: the x2, cat, on, mat = 5 of 6 on each side
        Score score = Rouge.rougeN(rouge.tokens("the cat sat on the mat"), rouge.tokens("the cat is on the mat"), 1);

        assertThat(score.precision()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(score.recall()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(score.f1()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void rouge2CountsSharedBigrams() {
        // candidate bigrams: the-cat cat-sat sat-on on-the the-mat; reference: the-cat cat-is is-on on-the the-mat
        // shared: the-cat, on-the, the-mat = 3 of 5
        Score score = Rouge.rougeN(rouge.tokens("the cat sat on the mat"), rouge.tokens("the cat is on the mat"), 2);

        assertThat(score.precision()).isCloseTo(0.6, within(1e-12));
        assertThat(score.recall()).isCloseTo(0.6, within(1e-12));
        assertThat(score.f1()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void repeatedCandidateWordsAreClippedToTheReferenceCount() {
        // "the" four times against one "the": 1 match; P = 1/4, R = 1/2, F = 2 * 1/8 / (3/4) = 1/3
        Score score = Rouge.rougeN(rouge.tokens("the the the the"), rouge.tokens("the cat"), 1);

        assertThat(score.precision()).isCloseTo(0.25, within(1e-12));
        assertThat(score.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(score.f1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void stemmingMatchesInflectedForms() {
        // running -> run, dogs -> dog, runs -> run: candidate [run, dog], reference [the, dog, run]
        Score stemmed = Rouge.rougeN(rouge.tokens("running dogs"), rouge.tokens("the dog runs"), 1);

        assertThat(stemmed.precision()).isCloseTo(1.0, within(1e-12));
        assertThat(stemmed.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(stemmed.f1()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void summaryLevelLcsTakesTheUnionOverCandidateSentences() {
        // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
        // LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5, union = w1 w2 w3 w5: 4 hits.
        // R = 4/5, P = 4/10, F1 = 2 * 0.32 / 1.2
        Score score = Rouge.rougeLsum(
                List.of(rouge.tokens("w1 w2 w6 w7 w8"), rouge.tokens("w1 w3 w8 w9 w5")),
                List.of(rouge.tokens("w1 w2 w3 w4 w5")));

        assertThat(score.recall()).isCloseTo(0.8, within(1e-12));
        assertThat(score.precision()).isCloseTo(0.4, within(1e-12));
        assertThat(score.f1()).isCloseTo(0.64 / 1.2, within(1e-12));
    }

    @Test
    void summaryLevelLcsCountsEachWordAtMostAsOftenAsItOccurs() {
        // reference sentences "w1 w2" and "w1 w3", candidate "w1 w2 w3" (one w1).
        // first sentence hits w1 and w2; the second finds the candidate's only w1 used up and hits w3.
        // hits 3: R = 3/4, P = 3/3, F1 = 2 * 0.75 / 1.75
        Score score = Rouge.rougeLsum(List.of(rouge.tokens("w1 w2 w3")),
                List.of(rouge.tokens("w1 w2"), rouge.tokens("w1 w3")));

        assertThat(score.recall()).isCloseTo(0.75, within(1e-12));
        assertThat(score.precision()).isCloseTo(1.0, within(1e-12));
        assertThat(score.f1()).isCloseTo(1.5 / 1.75, within(1e-12));
    }

    @Test
    void emptySidesScoreZero() {
        assertThat(Rouge.rougeN(List.of(), rouge.tokens("a b"), 1)).isEqualTo(Score.ZERO);
        assertThat(Rouge.rougeN(rouge.tokens("a"), rouge.tokens("a"), 2).f1()).isZero();
        assertThat(Rouge.rougeLsum(List.of(), List.of(rouge.tokens("a")))).isEqualTo(Score.ZERO);
    }
}
