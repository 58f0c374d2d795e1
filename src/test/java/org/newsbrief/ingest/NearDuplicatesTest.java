package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    @Test
    void shingleSetsAreSortedAndDistinct() {
        int[] shingles = NearDuplicates.shingleSet("One two three four five six. One two three four five six!");

        assertThat(shingles).isSorted().doesNotHaveDuplicates().hasSize(6);
        assertThat(NearDuplicates.shingleSet("Too short")).hasSize(1);
        assertThat(NearDuplicates.shingleSet(" -- ")).isEmpty();
    }

    @Test
    void pairsAreDecidedAsGroupsDecideThem() throws IOException {
        String text = Files.readString(Path.of("samples/rotterdam-dockworkers-end-strike-harbour-times.txt"));
        String[] words = text.split(" ");
        Random random = new Random(7);
        List<String> variants = new ArrayList<>();
        // from one changed word to many, so pairs fall on both sides of the threshold
        for (int changes = 0; changes < 40; changes += 2) {
            String[] copy = words.clone();
            for (int k = 0; k < changes; k++) {
                copy[random.nextInt(copy.length)] = "changed";
            }
            variants.add(String.join(" ", copy));
        }
        int near = 0;
        for (int i = 0; i < variants.size(); i++) {
            for (int j = i + 1; j < variants.size(); j++) {
                Article a = new Article("a", "", "", null, "", variants.get(i), "a");
                Article b = new Article("b", "", "", null, "", variants.get(j), "b");
                boolean grouped = !NearDuplicates.groups(List.of(a, b)).isEmpty();
                boolean pair = NearDuplicates.near(NearDuplicates.shingleSet(a.text()), NearDuplicates.shingleSet(b.text()));
                assertThat(pair).as("variants %d and %d", i, j).isEqualTo(grouped);
                near += pair ? 1 : 0;
            }
        }
        assertThat(near).as("some pairs are near, some are not").isBetween(1, variants.size() * (variants.size() - 1) / 2 - 1);
    }

    @Test
    void textsWithNoWordInCommonAreNotNear() {
        assertThat(NearDuplicates.near(new int[] {1, 2, 3}, new int[] {4, 5, 6})).isFalse();
        assertThat(NearDuplicates.near(new int[0], new int[0])).isFalse();
        assertThat(NearDuplicates.near(new int[] {1, 2, 3}, new int[] {1, 2, 3})).isTrue();
    }
}
