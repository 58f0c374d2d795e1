/**
 * Composing the day's {@link org.newsbrief.compose.Briefing} from analyzed articles: each article
 * is summarized and placed, newest first, in the section its input names or, when it names none,
 * the one the trained {@link org.newsbrief.compose.SectionClassifier} chooses from its words.
 *
 * <p>API: the records a briefing is made of ({@link org.newsbrief.compose.Briefing},
 * {@link org.newsbrief.compose.Section}, {@link org.newsbrief.compose.Story}), the
 * {@link org.newsbrief.compose.BriefingComposer} that makes them with its
 * {@link org.newsbrief.compose.BriefingComposer.Composition} (each story's reports, by story id),
 * and the seam for a stage that edits a composed briefing:
 * {@link org.newsbrief.compose.BriefingEditor}, whose {@code identity()} leaves it untouched, and the
 * {@link org.newsbrief.compose.EditReport} of what an editor did. The section classifier, its model
 * and features, and the word frequencies are public for training and evaluation. Grouping reports
 * into stories, ranking, and finding key names are internal.
 */
package org.newsbrief.compose;
