/**
 * Language analysis with Apache OpenNLP: an {@link org.newsbrief.ingest.Article} becomes an {@link
 * org.newsbrief.nlp.AnalyzedArticle} with its title, headings, paragraphs, sentences (with
 * character offsets), tokens, parts of speech and language. Structure is found by rules first
 * (blocks, headings, boilerplate), so the statistical sentence detector only ever sees prose.
 */
package org.newsbrief.nlp;
