package org.newsbrief.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;

class SectionClassifierTest {

    private static final SectionClassifier SHIPPED = SectionClassifier.shipped();

    /** Written for this test: two stories a section, as a wire service or a broadcaster might file them. */
    private static final String[][] STORIES = {
        {"World", "Rebels seize border town as peace talks stall",
            "Rebel fighters captured a town on the northern border on Sunday, the army said, as United Nations envoys"
                    + " struggled to revive talks between the government and the insurgents."},
        {"World", "Foreign ministers meet over nuclear standoff",
            "Foreign ministers from six countries met in Vienna to discuss the nuclear programme, as the president warned"
                    + " that sanctions would not force his country to give up enrichment."},
        {"Politics", "MPs vote on plans to raise tuition fees",
            "MPs will vote on Tuesday on the government's plans to raise university tuition fees, with several Labour"
                    + " backbenchers threatening to rebel, the party's chief whip conceded."},
        {"Politics", "Tories pledge tax cuts in election manifesto",
            "The Conservatives promised to cut council tax for pensioners in their election manifesto, as the party leader"
                    + " told activists that Labour had let down hard-working families."},
        {"Business", "Bank profits rise on strong lending",
            "The bank reported a 15% rise in annual pre-tax profits, helped by strong mortgage lending, and said it would"
                    + " raise its dividend to shareholders."},
        {"Business", "Oil prices push shares lower",
            "Shares fell in London and New York as crude oil prices climbed above $50 a barrel, stoking investors' fears"
                    + " about inflation and corporate earnings."},
        {"Science and technology", "Spacecraft lands on comet",
            "A robotic probe touched down on the surface of a comet, the space agency said, and its instruments began"
                    + " sending back data about the ice and dust that scientists hope will explain how the solar system formed."},
        {"Science and technology", "Virus spreads through e-mail attachments",
            "A computer virus that spreads through e-mail attachments infected thousands of Windows PCs, security firms"
                    + " warned, urging users to update their anti-virus software."},
        {"Sport", "Champions held to a draw",
            "The champions were held to a 1-1 draw at home, with their goalkeeper saving a late penalty to keep them top"
                    + " of the league table."},
        {"Sport", "Sprinter wins 100m gold",
            "The American sprinter won gold in the 100 metres final at the Olympics, beating the world record holder by"
                    + " two hundredths of a second."},
        {"Culture and entertainment", "Actress wins Oscar for role in war drama",
            "The actress won the Oscar for best actress at the Academy Awards in Hollywood for her role in the war drama,"
                    + " which also won best director."},
        {"Culture and entertainment", "Rock band announces reunion tour",
            "The rock band will reunite for a world tour next summer, its singer said, with concerts in London and New York"
                    + " and a new album due out in the spring."},
    };

    @Test
    void handWrittenStoriesLandInTheirSections() {
        for (String[] story : STORIES) {
            assertThat(SHIPPED.section(story[1], story[2])).as(story[1]).isEqualTo(story[0]);
        }
    }

    @Test
    void theModelChoosesAmongTheSixSections() {
        assertThat(SHIPPED.sections()).containsExactly("World", "Politics", "Business", "Science and technology", "Sport",
                "Culture and entertainment");
    }

    @Test
    void aChoiceCanBeLimitedToSomeSections() {
        String title = "MPs vote on plans to raise tuition fees";
        String text = STORIES[2][2];

        assertThat(SHIPPED.section(title, text, List.of("World", "Business", "Sport"))).isIn("World", "Business");
        assertThatThrownBy(() -> SHIPPED.section(title, text, List.of("Weather")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("among");
    }

    @Test
    void aStoryOfSeveralReportsIsPlacedByAllTheirWords() {
        AnalyzedArticle first = analyze("Goalkeeper saves late penalty", STORIES[8][2]);
        AnalyzedArticle second = analyze("Champions stay top", "The league leaders stayed top after a draw at home,"
                + " their manager praising the goalkeeper and the defence after the match.");

        assertThat(SHIPPED.section(List.of(first, second))).isEqualTo("Sport");
    }

    @Test
    void aStoryNotInEnglishOrWithoutKnownWordsGoesToNews() {
        AnalyzedArticle german = analyze("Regierung beschließt Haushalt", "Die Bundesregierung hat am Mittwoch den"
                + " Haushalt für das kommende Jahr beschlossen. Der Finanzminister sprach von einem soliden Entwurf,"
                + " die Opposition kritisierte die hohen Schulden und die geringen Investitionen in Schulen.");
        AnalyzedArticle unknown = analyze("", "Zzxq vlorp qwertz.");

        assertThat(german.language()).isEqualTo("deu");
        assertThat(SHIPPED.section(List.of(german))).isEqualTo(SectionClassifier.OTHER);
        assertThat(SHIPPED.section(List.of(unknown))).isEqualTo(SectionClassifier.OTHER);
    }

    @Test
    void theShippedModelIsReadOnceAndSharedAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SectionModel>> loads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                loads.add(pool.submit(SectionModel::shipped));
            }
            for (Future<SectionModel> load : loads) {
                assertThat(load.get()).isSameAs(SectionModel.shipped());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static AnalyzedArticle analyze(String title, String text) {
        return TestFiles.analyzer().analyze(new Article("t", title, "", null, "", text, "t"));
    }
}
