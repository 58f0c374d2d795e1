package org.newsbrief.ingest;

/** Where articles come from: files and folders today, feeds and web pages later. */
public interface ArticleSource {

    /**
     * Reads every article this source holds. A broken item is skipped and listed in the result;
     * it never stops the others from being read.
     *
     * @return the articles read and the inputs skipped
     */
    IngestResult read();
}
