package org.newsbrief.summarize;

class LexRankSummarizerTest extends SummarizerContract {

    @Override
    Summarizer summarizer() {
        return new LexRankSummarizer();
    }
}
