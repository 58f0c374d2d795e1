package org.newsbrief.flink;

/**
 * What the search for near-duplicates knows of one article.
 *
 * @param origin where it was read, and its id
 * @param shingles its text's shingles, as {@link org.newsbrief.ingest.NearDuplicates#shingleSet} gives them
 * @param signature their {@link MinHash#signature}
 */
public record Fingerprint(Origin origin, int[] shingles, int[] signature) {}
