package org.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.newsbrief.TestFiles;

class AnalysisOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void durationsAreWrittenAsInTheConfiguration() {
        AnalysisOptions.DurationConverter converter = new AnalysisOptions.DurationConverter();

        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("30")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aZeroOrUnreadableTimeoutIsBadInput() {
        assertThat(TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--run-timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--run-timeout: must be more than 0");

        assertThat(TestFiles.run(out, err, "generate", TestFiles.samples().toString(), "--article-timeout", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration such as 30s, 500ms, 2m or 1h");
    }
}
