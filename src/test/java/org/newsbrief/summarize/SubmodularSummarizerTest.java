package org.newsbrief.summarize;

class SubmodularSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new SubmodularSummarizer();
    }
}
