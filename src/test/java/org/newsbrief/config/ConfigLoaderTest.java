package org.newsbrief.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.render.Format;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Title\n\nA sentence about the harbour.");
        return Files.writeString(dir.resolve("newsbrief.yaml"), yaml);
    }

    @Test
    void theSampleConfigurationLoads() {
        NewsbriefConfig config = new ConfigLoader(Map.of()).load(TestFiles.samples().resolve("newsbrief.yaml"));

        assertThat(config.title()).isEqualTo("Morning Briefing");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(config.sources()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(config.recipients()).hasSize(3).contains("minister.office@example.org", "chair@example.org");
        assertThat(config.schedule().cron()).isEqualTo("0 6 * * 1-5");
        assertThat(config.schedule().catchUp()).isTrue();
        assertThat(config.mail()).as("no mail server: the outbox").isNull();
        assertThat(config.storeUrl()).startsWith("jdbc:sqlite:").endsWith("newsbrief.db");
        assertThat(config.render().formats()).contains(Format.PDF, Format.HTML, Format.MD);
    }

    @Test
    void jsonIsAFormatAnEditionCanBeMadeIn() throws IOException {
        Path file = write("""
                title: Briefing
                sources:
                  - file: a.txt
                formats: [html, json]
                """);

        // an edition adds the PDF it mails to whatever formats are named
        assertThat(new ConfigLoader(Map.of()).load(file).render().formats()).containsExactlyInAnyOrder(Format.HTML,
                Format.JSON);
    }

    @Test
    void aWindowAndAWatchlistAreReadAtTheTopOrUnderStories() throws IOException {
        Path top = write("""
                title: Briefing
                sources:
                  - file: a.txt
                window: 36h
                watch: [ECB, Rotterdam]
                """);
        assertThat(new ConfigLoader(Map.of()).load(top).stories().window()).isEqualTo(Duration.ofHours(36));
        assertThat(new ConfigLoader(Map.of()).load(top).stories().watch()).containsExactly("ECB", "Rotterdam");

        Path nested = write("""
                title: Briefing
                sources:
                  - file: a.txt
                stories:
                  max: 20
                  window: 2d
                  watch: [Maersk]
                """);
        assertThat(new ConfigLoader(Map.of()).load(nested).stories().window()).isEqualTo(Duration.ofDays(2));
        assertThat(new ConfigLoader(Map.of()).load(nested).stories().watch()).containsExactly("Maersk");

        Path bad = write("""
                title: Briefing
                sources:
                  - file: a.txt
                window: yesterday
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad)).hasMessageContaining("window")
                .hasMessageContaining("'yesterday' is not an age");
    }

    @Test
    void fetchAllowHostsAreReadAndABadEntryIsNamedWithItsLine() throws IOException {
        Path good = write("""
                title: Briefing
                sources:
                  - file: a.txt
                fetch:
                  allow_hosts: [intranet.example, "*.corp.example", 10.0.0.0/8]
                """);
        assertThat(new ConfigLoader(Map.of()).load(good).fetch().allowedHosts())
                .containsExactly("intranet.example", "*.corp.example", "10.0.0.0/8");

        Path bad = write("""
                title: Briefing
                sources:
                  - file: a.txt
                fetch:
                  allow_hosts:
                    - intranet.example
                    - "http://evil.example/"
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(bad + ": fetch.allow_hosts[1]: ")
                .hasMessageContaining("allowed host 'http://evil.example/' is not a host name");
    }

    @Test
    void errorsNameTheKeyPathAndLineAndAllComeAtOnce() throws IOException {
        Path file = write("""
                title: Briefing
                sources:
                  - file: a.txt
                recipients: [ops@example.org]
                schedule:
                  catch_up: true
                  cron: "61 6 * * *"
                paper: A3
                colour: blue
                """);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ": schedule.cron: line 7: not a cron expression")
                .hasMessageContaining(file + ": paper: line 8: must be A4 or letter")
                .hasMessageContaining(file + ": colour: line 9: unknown key");
    }

    @Test
    void editionsAreReadInTheirOrderEachWithItsOwnCronAndTitle() throws IOException {
        Path file = write("""
                title: Daily Briefing
                sources:
                  - file: a.txt
                editions:
                  morning:
                    cron: "0 6 * * 1-5"
                  midday:
                  evening:
                    cron: "0 18 * * *"
                    catch_up: false
                    title: Evening Briefing
                """);

        NewsbriefConfig config = new ConfigLoader(Map.of()).load(file);

        assertThat(config.editions()).extracting(NewsbriefConfig.Edition::name).containsExactly("morning", "midday", "evening");
        assertThat(config.editions()).extracting(NewsbriefConfig.Edition::title)
                .containsExactly("Daily Briefing (Morning)", "Daily Briefing (Midday)", "Evening Briefing");
        assertThat(config.edition("morning").schedule()).isEqualTo(new NewsbriefConfig.Schedule("0 6 * * 1-5", true));
        assertThat(config.edition("midday").schedule()).as("made only by run --edition midday").isNull();
        assertThat(config.edition("evening").schedule()).isEqualTo(new NewsbriefConfig.Schedule("0 18 * * *", false));
        assertThat(config.editionsBefore("evening")).containsExactly("morning", "midday");
        assertThat(config.editionsBefore("morning")).isEmpty();
        assertThat(config.schedule()).isNull();
        assertThatThrownBy(() -> config.edition("")).hasMessage("say which edition: morning, midday, evening");
        assertThatThrownBy(() -> config.edition("night")).hasMessage(
                "there is no edition 'night'; newsbrief.yaml names morning, midday, evening");
    }

    @Test
    void badEditionsAreNamedWithTheirLines() throws IOException {
        Path file = write("""
                title: Daily Briefing
                sources:
                  - file: a.txt
                schedule:
                  cron: "0 6 * * *"
                editions:
                  Morning:
                    cron: "0 6 * * *"
                  evening:
                    cron: "0 25 * * *"
                    subject: Tonight
                  night:
                    catch_up: true
                  late: at ten
                """);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ": schedule: line 4: with 'editions:', each edition has its own cron")
                .hasMessageContaining(file + ": editions.Morning: line 7: an edition's name must be lower-case letters")
                .hasMessageContaining(file + ": editions.evening.cron: line 10: not a cron expression")
                .hasMessageContaining(file + ": editions.evening.subject: line 11: unknown key (known: catch_up, cron, title)")
                .hasMessageContaining(file + ": editions.night.catch_up: line 13: only a scheduled edition catches up")
                .hasMessageContaining(file + ": editions.late: line 14: expected a mapping");
        NewsbriefConfig none = new ConfigLoader(Map.of()).load(write("""
                title: Daily Briefing
                sources:
                  - file: a.txt
                """));
        assertThat(none.edition("").title()).isEqualTo("Daily Briefing");
        assertThatThrownBy(() -> none.edition("evening")).hasMessage(
                "there is no edition 'evening': newsbrief.yaml names none under 'editions:'");
    }

    @Test
    void environmentVariablesAreFilledInAndThePasswordMustComeFromOne() throws IOException {
        Path good = write("""
                sources:
                  - file: a.txt
                recipients: ["${BRIEF_TO}"]
                mail:
                  host: ${SMTP_HOST:-localhost}
                  port: 2525
                  username: ops
                  password: ${SMTP_PASSWORD}
                  from: briefing@example.org
                  backoff: 500ms
                """);

        NewsbriefConfig config = new ConfigLoader(Map.of("BRIEF_TO", "ops@example.org", "SMTP_PASSWORD", "s3cret!"))
                .load(good);

        assertThat(config.recipients()).containsExactly("ops@example.org");
        assertThat(config.mail().host()).isEqualTo("localhost");
        assertThat(config.mail().password()).isEqualTo("s3cret!");
        assertThat(config.mail().backoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.toString()).doesNotContain("s3cret!");

        assertThatThrownBy(() -> new ConfigLoader(Map.of("BRIEF_TO", "ops@example.org")).load(good))
                .hasMessageContaining("mail.password: line 8: environment variable SMTP_PASSWORD is not set")
                .hasMessageNotContaining("s3cret");

        Path literal = write("""
                sources:
                  - file: a.txt
                mail:
                  host: localhost
                  from: briefing@example.org
                  password: hunter2
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(literal))
                .hasMessageContaining("mail.password: line 6: must come from the environment")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theMailSectionIsCheckedWithoutAHostToo() throws IOException {
        Path file = write("""
                sources:
                  - file: a.txt
                mail:
                  from: briefing at example.org
                  password: hunter2
                  security: ssl
                  attempts: 0
                """);

        // without a host the messages go to the outbox, but the section is still the one that goes live later
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ": mail.from: line 4: not a valid email address")
                .hasMessageContaining(file + ": mail.password: line 5: must come from the environment")
                .hasMessageContaining(file + ": mail.security: line 6: must be starttls, tls or none")
                .hasMessageContaining(file + ": mail.attempts: line 7: must be at least 1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMailSectionWithoutAHostKeepsItsSenderAndSubjectForTheOutbox() throws IOException {
        NewsbriefConfig config = new ConfigLoader(Map.of()).load(write("""
                sources:
                  - file: a.txt
                mail:
                  username: ${SMTP_USER}
                  password: ${SMTP_PASSWORD}
                  from: "Desk <desk@example.org>"
                  subject: "{title} for the board"
                  attempts: 2
                """));

        assertThat(config.mail().hasServer()).isFalse();
        assertThat(config.mail().from()).isEqualTo("Desk <desk@example.org>");
        assertThat(config.mail().subject()).isEqualTo("{title} for the board");
        assertThat(config.mail().attempts()).isEqualTo(2);
        assertThat(config.mail().password()).as("no server to log in to: the variable need not be set yet").isEmpty();

        NewsbriefConfig bare = new ConfigLoader(Map.of()).load(write("""
                sources:
                  - file: a.txt
                mail:
                  attempts: 2
                """));
        assertThat(bare.mail().from()).isEqualTo(org.newsbrief.deliver.SmtpSettings.OUTBOX_FROM);
    }

    @Test
    void theWebCopyAndUnsubscribeAddressesAreReadAndOnlyWebOnesAccepted() throws IOException {
        Path good = write("""
                sources:
                  - file: a.txt
                web_base_url: https://news.example.org/briefings/
                mail:
                  host: localhost
                  from: "Morning Briefing <briefing@example.org>"
                  unsubscribe: "Desk <leave@example.org>"
                  unsubscribe_url: https://news.example.org/unsubscribe?who={address}
                """);

        NewsbriefConfig config = new ConfigLoader(Map.of()).load(good);

        assertThat(config.webBaseUrl()).isEqualTo("https://news.example.org/briefings");
        assertThat(config.mail().unsubscribe().address()).isEqualTo("leave@example.org");
        assertThat(config.mail().unsubscribe().url()).isEqualTo("https://news.example.org/unsubscribe?who={address}");
        Path defaults = write("""
                sources:
                  - file: a.txt
                mail:
                  host: localhost
                  from: "Morning Briefing <briefing@example.org>"
                """);
        NewsbriefConfig unset = new ConfigLoader(Map.of()).load(defaults);
        assertThat(unset.webBaseUrl()).isEmpty();
        assertThat(unset.mail().unsubscribe().address()).as("the sender, unless set").isEqualTo("briefing@example.org");
        assertThat(unset.mail().unsubscribe().url()).isEmpty();

        Path bad = write("""
                sources:
                  - file: a.txt
                web_base_url: "javascript:alert(1)"
                mail:
                  host: localhost
                  from: briefing@example.org
                  unsubscribe: "nobody"
                  unsubscribe_url: http://news.example.org/unsubscribe
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad))
                .hasMessageContaining("web_base_url: line 3: must be an http or https address")
                .hasMessageContaining("mail.unsubscribe: line 7: not a valid email address")
                .hasMessageContaining("mail.unsubscribe_url: line 8: must be an https address");
    }

    @Test
    void badRecipientsSourcesAndYamlAreNamed() throws IOException {
        Path file = write("""
                sources:
                  - file: a.txt
                  - fed: https://example.org/rss
                recipients:
                  - "ops@example.org\\r\\nBcc: attacker@example.com"
                  - nobody-list
                """);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .hasMessageContaining("sources[1].fed: line 3: unknown key")
                .hasMessageContaining("recipients[0]: line 5: not a valid email address")
                .hasMessageContaining("recipients[1]: line 6: 'nobody-list' is neither an address nor a list");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "title: [unclosed\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(broken)).hasMessageContaining(broken + ": line ")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("none.yaml"))).hasMessageEndingWith("no such file");
    }

    @Test
    void llmSummariesAreSetInTheFileAndTheKeyComesOnlyFromTheEnvironment() throws IOException {
        Path file = write("""
                sources:
                  - file: a.txt
                summarizer: llm
                llm:
                  provider: anthropic
                  model: claude-test
                  temperature: 0
                  max_tokens: 300
                  timeout: 20s
                  concurrency: 2
                  budget_tokens: 50000
                """);

        NewsbriefConfig config = new ConfigLoader(Map.of("ANTHROPIC_API_KEY", "key-from-env")).load(file);

        assertThat(config.llm().provider()).isEqualTo(org.newsbrief.llm.Provider.ANTHROPIC);
        assertThat(config.llm().apiKey()).isEqualTo("key-from-env");
        assertThat(config.llm().timeout()).isEqualTo(java.time.Duration.ofSeconds(20));
        assertThat(config.llm().concurrency()).isEqualTo(2);
        assertThat(config.llm().budgetTokens()).isEqualTo(50000);
        assertThat(config.llm().cache()).isEqualTo(dir.resolve("data/llm-cache"));
        assertThat(config.toString()).doesNotContain("key-from-env");
        assertThat(new ConfigLoader(Map.of()).load(TestFiles.samples().resolve("newsbrief.yaml")).llm()).isNull();

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .hasMessageContaining("llm: line 4: the anthropic provider needs an API key in the environment variable ANTHROPIC_API_KEY");
        Path keyInFile = write("""
                sources:
                  - file: a.txt
                summarizer: llm
                llm:
                  provider: openai
                  api_key: sk-in-the-file
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of("OPENAI_API_KEY", "k")).load(keyInFile))
                .hasMessageContaining("llm.api_key: line 6: unknown key");
    }

    @Test
    void theEditionIdIsTheTitleAsASlugUnlessSetAndABadOneIsNamedWithItsLine() throws IOException {
        assertThat(new ConfigLoader(Map.of()).load(write("title: Évening Briefing — Zürich\nsources:\n  - file: a.txt\n")).id())
                .isEqualTo("evening-briefing-zurich");
        assertThat(new ConfigLoader(Map.of()).load(write("title: 晨报\nsources:\n  - file: a.txt\n")).id())
                .matches("briefing-[0-9a-f]{12}").isNotEqualTo(NewsbriefConfig.slug("晚报"));
        NewsbriefConfig explicit = new ConfigLoader(Map.of()).load(write("""
                id: desk-7
                title: Briefing
                sources:
                  - file: a.txt
                mail:
                  host: 127.0.0.1
                  from: briefing@example.org
                  breaker_threshold: 5
                """));
        assertThat(explicit.id()).isEqualTo("desk-7");
        assertThat(explicit.mail().breakerThreshold()).isEqualTo(5);

        Path bad = write("title: Briefing\nsources:\n  - file: a.txt\nid: ../Evening\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad)).isInstanceOf(ConfigException.class)
                .hasMessage(bad + ": id: line 4: must be lower-case letters, digits and inner hyphens, at most 64, such as "
                        + "morning-briefing; was '../Evening'");
    }

    @Test
    void analysisDeadlinesAreReadWithDefaultsWhenLeftOut() throws IOException {
        Path file = write("""
                title: Briefing
                sources:
                  - file: a.txt
                recipients: [ops@example.org]
                analysis:
                  article_timeout: 20s
                  run_timeout: 5m
                """);

        NewsbriefConfig config = new ConfigLoader(Map.of()).load(file);

        assertThat(config.analysis().articleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.analysis().runTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(new ConfigLoader(Map.of()).load(TestFiles.samples().resolve("newsbrief.yaml")).analysis())
                .isEqualTo(org.newsbrief.nlp.AnalysisSettings.defaults());
    }

    @Test
    void aZeroRunTimeoutIsRefusedWithItsLine() throws IOException {
        Path file = write("""
                title: Briefing
                sources:
                  - file: a.txt
                recipients: [ops@example.org]
                analysis:
                  run_timeout: 0s
                """);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ": analysis.run_timeout: line 6: must be more than 0");
    }

    @Test
    void aNestingBombOrAnAliasIsOneLineNamingTheFile() throws IOException {
        Path deep = write("title: Briefing\nsources:\n  - file: a.txt\nsections: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(deep)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(deep + ": ").hasMessageContaining("not valid YAML").hasMessageContaining("nesting depth");

        Path aliased = write("title: &t Briefing\nsources:\n  - file: a.txt\nrecipients: [*t]\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(aliased)).isInstanceOf(ConfigException.class)
                .hasMessage(aliased + ": recipients[0]: line 4: YAML aliases (*t) are not accepted; write the value out");

        Path latin = deep.resolveSibling("latin.yaml");
        Files.write(latin, "title: Z\u00fcrich Briefing\nsources:\n  - file: a.txt\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(latin)).isInstanceOf(ConfigException.class)
                .hasMessage(latin + ": not UTF-8 text; save the configuration as UTF-8");

        Path folder = deep.getParent();
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(folder)).isInstanceOf(ConfigException.class)
                .hasMessage(folder + ": not a regular file; only regular files are read");
    }
}
