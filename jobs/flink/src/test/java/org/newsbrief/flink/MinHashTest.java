package org.newsbrief.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void equalSetsHaveEqualSignaturesAndMeetInTheFirstBand() {
        int[] shingles = IntStream.range(0, 300).map(i -> i * 7919).toArray();

        int[] signature = MinHash.signature(shingles);

        assertThat(signature).hasSize(MinHash.LENGTH).isEqualTo(MinHash.signature(shingles.clone()));
        assertThat(MinHash.firstSharedBand(signature, MinHash.signature(shingles))).isZero();
        assertThat(MinHash.bandKey(signature, 0)).isEqualTo(MinHash.bandKey(MinHash.signature(shingles), 0));
    }

    @Test
    void theSameRowsInTwoBandsGiveTwoKeys() {
        int[] signature = new int[MinHash.LENGTH];

        assertThat(MinHash.bandKey(signature, 0)).isNotEqualTo(MinHash.bandKey(signature, 1));
    }

    @Test
    void nearlyEqualSetsShareABandAndUnrelatedOnesRarelyDo() {
        Random random = new Random(3);
        int shared = 0;
        int unrelated = 0;
        for (int trial = 0; trial < 200; trial++) {
            int[] a = random.ints(400).distinct().sorted().toArray();
            // Jaccard about 0.9: 21 of 400 shingles replaced
            int[] b = a.clone();
            for (int k = 0; k < 21; k++) {
                b[k * 19] = random.nextInt();
            }
            int[] c = random.ints(400).distinct().sorted().toArray();
            shared += MinHash.firstSharedBand(MinHash.signature(a), MinHash.signature(b)) >= 0 ? 1 : 0;
            unrelated += MinHash.firstSharedBand(MinHash.signature(a), MinHash.signature(c)) >= 0 ? 1 : 0;
        }
        assertThat(shared).isEqualTo(200);
        assertThat(unrelated).isZero();
    }

    @Test
    void aTextWithoutShinglesHasNoSignature() {
        assertThatThrownBy(() -> MinHash.signature(new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shingles");
    }
}
