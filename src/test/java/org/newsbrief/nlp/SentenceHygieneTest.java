package org.newsbrief.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;

/** Sentences as a reader should get them: whole, without desk furniture, with real quotes. */
class SentenceHygieneTest {

    private final OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);

    private List<String> sentences(String text) {
        AnalyzedArticle article = analyzer.analyze(Article.of("inline", "A headline", text));
        for (Sentence sentence : article.sentences()) {
            assertThat(article.text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
        return article.sentences().stream().map(Sentence::text).toList();
    }

    @Test
    void theIssuesHamasSentenceIsOneSentence() {
        assertThat(sentences("The radical Islamic group Hamas on Monday denounced U.S. plans to send observers to the"
                + " region. Its leaders met in Gaza.")).containsExactly(
                "The radical Islamic group Hamas on Monday denounced U.S. plans to send observers to the region.",
                "Its leaders met in Gaza.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"U.S.", "U.N.", "U.K.", "Gov.", "Sen.", "Rep.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.",
        "Sept.", "Oct.", "Nov.", "Dec.", "St.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Co.", "Corp.",
        "Inc.", "Ltd.", "Jr."})
    void anAbbreviationBeforeANameDoesNotEndTheSentence(String abbreviation) {
        String sentence = "Officials said on Tuesday that " + abbreviation + " Smith Holdings had agreed to the terms.";

        assertThat(sentences(sentence + " Talks resume next week.")).containsExactly(sentence, "Talks resume next week.");
    }

    @Test
    void noBeforeANumberDoesNotEndTheSentence() {
        assertThat(Abbreviations.continues("No.", "10")).isTrue();
        assertThat(Abbreviations.continues("No.", "The")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"U.S., The", "U.S., He", "U.N., But", "U.K., It", "Inc., They", "Jan., In", "U.S., \"We"})
    void anAbbreviationEndsTheSentenceWhenATypicalOpenerFollows(String last, String next) {
        assertThat(Abbreviations.continues(last, next)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"U.S., Secretary", "U.S., Ambassador", "U.N., Security", "Jan., 5", "J., Edgar", "Mr., The",
        "Sen., Ted", "Gen., Lee", "Corp., Chairman"})
    void anAbbreviationContinuesIntoANameOrNumber(String last, String next) {
        assertThat(Abbreviations.continues(last, next)).isTrue();
    }

    @Test
    void usEndsASentenceWhenTheNextOneStartsTypically() {
        assertThat(sentences("The president flew back to the U.S. The trip had lasted nine days.")).containsExactly(
                "The president flew back to the U.S.", "The trip had lasted nine days.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"DARMSTADT, Germany, Nov 24 (Continental Wire) - \"|European satellites will watch the ice.",
        "\"(CNN) -- \"|European satellites will watch the ice.",
        "(CNN)|Share, and your gift will be multiplied.",
        "\"LONDON, England (Reuters) -- \"|European satellites will watch the ice.",
        "\"WASHINGTON (AP) — \"|European satellites will watch the ice.",
        "\"WASHINGTON _ \"|European satellites will watch the ice.",
        "\"TOPEKA, Kan. _ \"|European satellites will watch the ice.",
        "Naypyidaw, Myanmar (CNN)|Twenty-one people are dead after a ferry capsized.",
        "\"TIANJIN, August 7 (Xinhua) -- \"|European satellites will watch the ice.",
        "\"ALBANY, N.Y. (AP) -- \"|European satellites will watch the ice.",
        "(Rolling Stone)|Kanye West fans are used to high prices.",
        "\"By . Daily Mail Reporter . PUBLISHED: . 12:00 EST, 1 January 2014 . | . UPDATED: . 14:36 EST, 1 January 2014 . \""
                + "|European satellites will watch the ice.",
        "\"By . Mark Duell . and Hugo Gye . UPDATED: . 18:30 EST, 3 March 2012 . \"|European satellites will watch the ice.",
        "\"By . Ted Thornhill . Last updated at 2:18 PM on 30th December 2011 . \"|European satellites will watch the ice.",
        "\"March 10, 2015 . \"|European satellites will watch the ice.",
        "\"Eds: UPDATES with four more deaths in Poland AP Photo By ALISON MUTLER Associated Press Writer BUCHAREST, "
                + "Romania (AP) _ \"|An Arctic cold wave has killed at least 65 people.",
        "\"*NASA to launch emergency repair trip to telescope CAPE CANAVERAL, Fla. (AP) -- \"|NASA will launch a mission."})
    void furnitureIsLeftOutOfTheSentenceThatCarriesIt(String furniture, String sentence) {
        String paragraph = furniture + sentence + " It was announced on Monday.";

        assertThat(Furniture.lead(paragraph)).isEqualTo(furniture.length());
        assertThat(sentences(paragraph)).containsExactly(sentence, "It was announced on Monday.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Apple Inc. (AAPL) reported higher sales on Monday.",
        "Sen. John Smith (R) said he would vote against it.",
        "The United Nations (UN) said it would send aid.",
        "WASHINGTON state voters approved the measure.",
        "By the end of the year, the project had run out of money."})
    void proseThatLooksLikeFurnitureStays(String sentence) {
        assertThat(Furniture.lead(sentence)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {" The plane, 5th graf pvs.", " Stepinac was, 5th graf, pvs. (pvs/sv/ )",
        " Temperatures in, 3rd graf pvs (ms-gb)", " Poland has, 4th graf (bp-tsc)", " Babs, which, 2nd graf"})
    void aWireDeskPickUpMarkerAndItsFragmentAreNotASentence(String marker) {
        assertThat(sentences("Blizzards swept across the southeast of the country on Tuesday. Schools were closed."
                + marker)).containsExactly("Blizzards swept across the southeast of the country on Tuesday.",
                "Schools were closed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {" (MORE)", " (END)", " (END OPTIONAL TRIM)", "\n\n(MORE)"})
    void aWireTakesClosingMarkerIsNotASentence(String marker) {
        assertThat(sentences("Blizzards swept across the southeast of the country on Tuesday. Schools were closed."
                + marker)).containsExactly("Blizzards swept across the southeast of the country on Tuesday.",
                "Schools were closed.");
    }

    @Test
    void texQuotesBecomeTypographicAndSentencesQuoteTheCleanedText() {
        AnalyzedArticle article = analyzer.analyze(Article.of("tex", "``Firm hand'' urged", "The minister called for a"
                + " ``firm hand.'' Critics called it `harsh.' The debate goes on."));

        assertThat(article.title()).isEqualTo("“Firm hand” urged");
        assertThat(article.sentences()).extracting(Sentence::text).containsExactly(
                "The minister called for a “firm hand.”", "Critics called it ‘harsh.'",
                "The debate goes on.");
    }

    @Test
    void twoApostrophesWithoutBackquotesAreLeftAlone() {
        assertThat(Structure.typographicQuotes("The 12'' vinyl")).isEqualTo("The 12'' vinyl");
    }

    @Test
    void listItemsStaySeparateSentences() {
        List<String> got = sentences("""
                The winners were:
                 - Best musical actor - Nathan Lane for The Producers at the Theatre Royal, Drury Lane
                 - Best musical actress - Laura Michelle Kelly for Mary Poppins at the Prince Edward
                 - Best director - Nicholas Hytner for The History Boys at the Lyttelton""");

        assertThat(got).containsExactly("The winners were:",
                "Best musical actor - Nathan Lane for The Producers at the Theatre Royal, Drury Lane",
                "Best musical actress - Laura Michelle Kelly for Mary Poppins at the Prince Edward",
                "Best director - Nicholas Hytner for The History Boys at the Lyttelton");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Scam: Patricia Glancy conned five couples who were getting married at Wentworth Golf Club .",
        "Andrew Moss: He will be paid £80,000 a month for the next year .",
        "Scroll down for video .",
        "READ MORE: Richard III's spine twisted, not hunched .",
        "Click here to access the transcript of today's CNN Student News program.",
        "Get a FREE TRIAL issue of Real Simple - CLICK HERE !",
        "Follow @CNNPhotos on Twitter to join the conversation about photography.",
        "Follow us on Twitter."})
    void captionsAndCallsToTheReaderAreDropped(String furniture) {
        AnalyzedArticle article = analyzer.analyze(Article.of("dm", "A headline",
                "A wedding planner stole £11,000 from couples . " + furniture + " She spent the money on a friend ."));

        assertThat(article.sentences()).extracting(Sentence::text).containsExactly(
                "A wedding planner stole £11,000 from couples .", "She spent the money on a friend .");
        assertThat(article.dropped()).contains(furniture);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mr Smith said: 'We will not give up on this .'",
        "He added: 'It is over .'",
        "The verdict: guilty on all counts ."})
    void quotesIntroducedWithAColonAreNotCaptions(String sentence) {
        assertThat(Furniture.isCaption(sentence)).isFalse();
    }
}
