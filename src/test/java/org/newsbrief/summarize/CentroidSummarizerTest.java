package org.newsbrief.summarize;

class CentroidSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new CentroidSummarizer();
    }
}
