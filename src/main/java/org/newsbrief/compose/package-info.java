/**
 * Composing the day's {@link org.newsbrief.compose.Briefing} from analyzed articles: each article
 * is summarized and placed, newest first.
 */
package org.newsbrief.compose;
