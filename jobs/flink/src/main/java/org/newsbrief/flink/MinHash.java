package org.newsbrief.flink;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets, cut into bands for locality-sensitive hashing (Broder, "On
 * the resemblance and containment of documents", 1997; the banding as in Leskovec, Rajaraman and
 * Ullman, <i>Mining of Massive Datasets</i>, ch. 3). Two sets agree on one signature position with
 * probability equal to their Jaccard similarity, so two texts that agree on all the rows of some
 * band are likely similar: the band becomes a key, and only texts that share a key are compared.
 *
 * <p>With {@value #BANDS} bands of {@value #ROWS} rows, a pair at the near-duplicate threshold of
 * 0.85 shares no band with probability (1 − 0.85³)²⁰, about 6 in a billion, and less the more alike
 * they are; pairs below 0.3 rarely share one. Sharing a band only makes a pair a candidate: whether
 * it is a near-duplicate is then decided exactly, by the core.
 */
final class MinHash {

    /** Bands per signature. */
    static final int BANDS = 20;
    /** Signature positions per band. */
    static final int ROWS = 3;
    /** Signature length. */
    static final int LENGTH = BANDS * ROWS;

    /** One seed per hash function, fixed, so every worker and every run computes the same signatures. */
    private static final long[] SEEDS = new SplittableRandom(0x6e657773L).longs(LENGTH).toArray();

    private MinHash() {}

    /**
     * @param shingles a text's shingle numbers, not empty
     * @return its signature: for each hash function, the least hash over the shingles
     */
    static int[] signature(int[] shingles) {
        Objects.requireNonNull(shingles, "shingles");
        if (shingles.length == 0) {
            throw new IllegalArgumentException("shingles must not be empty");
        }
        int[] signature = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int least = Integer.MAX_VALUE;
            for (int shingle : shingles) {
                least = Math.min(least, hash(shingle, SEEDS[i]));
            }
            signature[i] = least;
        }
        return signature;
    }

    /**
     * @param signature a signature
     * @param band a band, from 0
     * @return the key of the band's rows; equal rows give equal keys, and the band's number is
     *     part of it, so the same rows in two bands do not meet
     */
    static long bandKey(int[] signature, int band) {
        long key = band;
        for (int row = band * ROWS; row < (band + 1) * ROWS; row++) {
            key = mix(key * 31 + signature[row]);
        }
        return key;
    }

    /**
     * @param a one signature
     * @param b another
     * @return the first band whose rows are all equal in both, or -1 when none is; a pair is
     *     compared in that band only, so once however many bands it shares
     */
    static int firstSharedBand(int[] a, int[] b) {
        for (int band = 0; band < BANDS; band++) {
            boolean equal = true;
            for (int row = band * ROWS; row < (band + 1) * ROWS && equal; row++) {
                equal = a[row] == b[row];
            }
            if (equal) {
                return band;
            }
        }
        return -1;
    }

    private static int hash(int shingle, long seed) {
        return (int) (mix(shingle ^ seed) >>> 32);
    }

    /** The finalizer of SplitMix64 (Steele, Lea and Flood, 2014): every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
