/**
 * Reading articles: files and folders of text, Markdown, HTML and JSON become {@link
 * org.newsbrief.ingest.Article} records. Input that cannot be read is reported as a {@link
 * org.newsbrief.ingest.SkippedInput}, never dropped silently.
 */
package org.newsbrief.ingest;
