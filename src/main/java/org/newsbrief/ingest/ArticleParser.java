package org.newsbrief.ingest;

/** Parses the decoded text of one file into articles; one implementation per format. */
interface ArticleParser {

    /**
     * @param location the file's path as the user gave it, used as id and in messages
     * @param content the file's decoded text
     * @return the articles found, and any part of the file that had to be skipped
     * @throws IngestException when the file as a whole cannot be used
     */
    IngestResult parse(String location, String content);
}
