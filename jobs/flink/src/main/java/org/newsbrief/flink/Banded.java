package org.newsbrief.flink;

/**
 * An article filed under one band of its signature.
 *
 * @param key the band's {@link MinHash#bandKey}
 * @param band the band's number
 * @param print the article
 */
public record Banded(long key, int band, Fingerprint print) {}
