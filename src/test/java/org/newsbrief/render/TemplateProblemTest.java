package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateProblemTest {

    @Test
    void printsAsFileLineColumnAndMessageAndReadsBackTheSame() {
        TemplateProblem problem = new TemplateProblem("C:\\briefs\\templates\\briefing.html", 12, 7,
                "'#12' is not a colour: write # and 3, 4, 6 or 8 hex digits");

        assertThat(problem).hasToString("C:\\briefs\\templates\\briefing.html:12:7: '#12' is not a colour: write # and 3, 4, 6 or 8 hex digits");
        assertThat(TemplateProblem.parse(problem.toString())).contains(problem);
    }

    @Test
    void aLineOfAnotherFormIsNotAProblem() {
        assertThat(TemplateProblem.parse("briefing.html: the rendered page is not well-formed")).isEmpty();
        assertThat(TemplateProblem.parse("briefing.html:0:0: no such place")).isEmpty();
    }
}
