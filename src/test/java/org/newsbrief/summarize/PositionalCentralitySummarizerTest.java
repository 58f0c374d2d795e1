package org.newsbrief.summarize;

class PositionalCentralitySummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new PositionalCentralitySummarizer();
    }
}
