/**
 * newsbrief turns a day's news into a short briefing. The pipeline runs
 * {@code ingest → nlp → summarize → compose → render}; {@link org.newsbrief.Newsbrief} wires the
 * stages together and is the one entry point the command line uses.
 */
package org.newsbrief;
