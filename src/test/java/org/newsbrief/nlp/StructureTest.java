package org.newsbrief.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructureTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Published:", "Published: 24 November 2026", "Updated", "Related articles", "Recent articles",
        "Share this", "Share this article", "Advertisement", "Subscribe", "Subscribe to our morning newsletter",
        "Read more", "Read more: Rates held for a third month", "Sign up for alerts", "By Jane Smith",
        "By Ana María López, Economics Editor", "© 2026 The Harbour Times", "Follow us on X", "Tags: economy, rates",
        "24 November 2026", "Tuesday 24 November 2026 07:30 GMT", "November 24, 2026", "2026-11-24", "3 hours ago"
    })
    void boilerplateLinesAreDropped(String line) {
        Structure structure = Structure.of("A Real Headline Here\n\n" + line + "\n\nThe body has one sentence.", "");

        assertThat(structure.dropped()).containsExactly(line.strip());
        assertThat(structure.blocks()).extracting(Structure.Unit::text).containsExactly("The body has one sentence.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Read more about the merger in the filings, which the regulator published on Monday.",
        "Updated forecasts from the central bank point to slower growth next year.",
        "Share prices fell sharply after the announcement.",
        "By the end of the year, the project had run out of money."
    })
    void sentencesThatStartLikeBoilerplateStay(String sentence) {
        Structure structure = Structure.of(sentence, "Title");

        assertThat(structure.dropped()).isEmpty();
        assertThat(structure.blocks()).extracting(Structure.Unit::text).containsExactly(sentence);
    }

    @Test
    void shortLinesWithoutClosingPunctuationAreHeadings() {
        Structure structure = Structure.of("""
                Title Line

                First paragraph ends here.

                What Comes Next

                Second paragraph, with “quotes.”
                """, "");

        assertThat(structure.title()).isEqualTo("Title Line");
        assertThat(structure.blocks()).extracting(Structure.Unit::kind)
                .containsExactly(Block.Kind.PARAGRAPH, Block.Kind.HEADING, Block.Kind.PARAGRAPH);
    }

    @Test
    void aShortQuestionOnItsOwnLineHeadsASection() {
        Structure structure = Structure.of("""
                The deal was signed on Monday.

                A model for other ports?

                Economists said the settlement could shape other talks. Would it last? Nobody knew.

                "Who pays for it?"
                """, "Port deal");

        assertThat(structure.blocks()).extracting(Structure.Unit::kind)
                .containsExactly(Block.Kind.PARAGRAPH, Block.Kind.HEADING, Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH);
    }

    @Test
    void softWrappedLinesJoinButHeadingAboveProseStandsAlone() {
        Structure structure = Structure.of("""
                Budget Talks Resume
                The finance minister met union leaders on
                Monday and said a deal was close.
                - first point made
                - second point made
                """, "Known Title");

        assertThat(structure.title()).isEqualTo("Known Title");
        assertThat(structure.blocks()).extracting(Structure.Unit::text).containsExactly(
                "Budget Talks Resume",
                "The finance minister met union leaders on Monday and said a deal was close.",
                "first point made",
                "second point made");
        assertThat(structure.blocks().get(0).kind()).isEqualTo(Block.Kind.HEADING);
    }

    @Test
    void titleRepeatedAtTheTopOfTheBodyIsNotBody() {
        Structure structure = Structure.of("Port Strike Ends\n\nDockworkers returned on Monday.", "Port strike ends");

        assertThat(structure.blocks()).extracting(Structure.Unit::text).containsExactly("Dockworkers returned on Monday.");
    }

    @Test
    void listOfOtherStoriesAfterATrailerIsDropped() {
        Structure structure = Structure.of("""
                The last real sentence.

                More stories

                Another Headline Elsewhere

                Yet Another Headline
                """, "Title");

        assertThat(structure.blocks()).extracting(Structure.Unit::text).containsExactly("The last real sentence.");
        assertThat(structure.dropped()).containsExactly("More stories", "Another Headline Elsewhere", "Yet Another Headline");
    }
}
