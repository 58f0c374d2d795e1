/**
 * Composing the day's {@link org.newsbrief.compose.Briefing} from analyzed articles: each article
 * is summarized and placed, newest first, in the section its input names or, when it names none,
 * the one the trained {@link org.newsbrief.compose.SectionClassifier} chooses from its words.
 */
package org.newsbrief.compose;
