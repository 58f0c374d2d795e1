package org.newsbrief.flink;

/**
 * Two articles found to be near-duplicates.
 *
 * @param first the one read first
 * @param second the other
 */
public record Link(Origin first, Origin second) {}
