package org.newsbrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;

/** The edition's email as its reader gets it from a real SMTP server: what it links to, how it reads, its headers. */
class EditionEmailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String RESERVE_BANK = "https://www.pacificdispatch.example/business/2026/11/25/"
            + "reserve-bank-lifts-ocr-first-hike-since-2023";

    @TempDir
    Path dir;

    /**
     * The sample sources, plus an article whose link is a script and the scraped page that names no
     * outlet, listed with no name either.
     */
    private NewsbriefConfig config(String extra, String mailExtra) throws IOException {
        Path hostile = Files.writeString(dir.resolve("hostile.txt"), """
                Title: Harbour council approves tram line after ten-year wait
                Source: Harbour Desk
                Date: 2026-11-25
                URL: javascript:alert(document.cookie)

                The regional council approved a new tram line through the old harbour district on Wednesday, ending a ten-year argument over its route.
                Construction is due to start in the spring of 2027, and the first trams should run in 2030, the council said.
                """);
        Path samples = TestFiles.samples().toAbsolutePath();
        return new ConfigLoader(Map.of()).load(Files.writeString(dir.resolve("newsbrief.yaml"), """
                title: Morning Briefing
                time_zone: Europe/Zurich
                sources:
                  - name: Pacific Dispatch
                    section: Business
                    file: %s
                  - name: Coastline Daily
                    section: Business
                    file: %s
                  - name: Northern Ledger
                    section: Sport
                    file: %s
                  - section: Science and technology
                    file: %s
                  - section: World
                    file: %s
                templates: %s
                formats: [pdf]
                archive: archive
                data: data
                recipients: [ops@example.org]
                %s
                mail:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  from: "Morning Briefing <briefing@example.org>"
                  subject: "{title}: {date}"
                %s
                """.formatted(samples.resolve("rbnz-lifts-cash-rate-pacific-dispatch.html"),
                samples.resolve("rbnz-divided-rate-rise-coastline-daily.txt"),
                samples.resolve("gurgl-slalom-first-win-northern-ledger.txt"), samples.resolve("scraped-drone-delivery.txt"),
                hostile, TestFiles.templates().toAbsolutePath(), extra, greenMail.getSmtp().getPort(), mailExtra)));
    }

    private Editions.Report run(NewsbriefConfig config) {
        Newsbrief newsbrief = Newsbrief.builder(config).models(TestFiles.MODELS).clock(TestFiles.CLOCK)
                .sleeper(duration -> { }).build();
        try (Editions editions = newsbrief.editions()) {
            return editions.run(new Editions.Request(DAY, Editions.Delivery.ONCE, false), event -> { });
        }
    }

    private static MimeMessage received() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static Document html(MimeMessage message) throws Exception {
        for (BodyPart part : TestFiles.leaves((Multipart) message.getContent())) {
            if (part.isMimeType("text/html")) {
                return Jsoup.parse((String) part.getContent());
            }
        }
        throw new AssertionError("the message has no HTML part");
    }

    @Test
    void everyHeadlineLinksToItsFirstReportAndOnlyWebAddressesBecomeLinks() throws Exception {
        Editions.Report report = run(config("", ""));

        Document email = html(received());
        assertThat(report.stories()).isEqualTo(4);
        assertThat(email.select("a[href]").eachAttr("href")).allMatch(link -> link.startsWith("https://"));
        assertThat(email.select("a[href]").eachText()).as("each story with a web address, and only those, is linked")
                .containsOnly("Reserve Bank lifts cash rate to 2.5% in first hike since 2023",
                        "Norwegian outsider Tormod Lien claims first World Cup win in Gurgl slalom");
        assertThat(email.select("a[href=" + RESERVE_BANK + "]").eachText()).as("the report the headline is the title of")
                .contains("Reserve Bank lifts cash rate to 2.5% in first hike since 2023");
        assertThat(headline(email, "Harbour council approves tram line").tagName()).as("a script is no link").isNotEqualTo("a");
        assertThat(headline(email, "Hospital Drones Cut Blood Sample").tagName()).as("no address, no link").isNotEqualTo("a");
        assertThat(email.html()).doesNotContain("javascript:");
        assertThat(email.text()).as("no empty brackets where an outlet is missing").doesNotContain("()");
    }

    @Test
    void withAWebBaseUrlHeadlinesLinkToTheirStoryInTheArchivedHtmlCopy() throws Exception {
        Editions.Report report = run(config("web_base_url: https://news.example.org/briefings/", ""));

        Document email = html(received());
        String copy = "https://news.example.org/briefings/morning-briefing/2026/11/25/briefing-2026-11-25.html";
        List<String> anchors = new ArrayList<>();
        for (String link : email.select("a[href]").eachAttr("href")) {
            if (!link.equals(copy)) {
                assertThat(link).startsWith(copy + "#");
                anchors.add(link.substring(copy.length() + 1));
            }
        }
        assertThat(anchors).as("every story, the unlinked ones included, has its place in the web copy")
                .hasSizeGreaterThanOrEqualTo(report.stories());
        Path archived = dir.resolve("archive/morning-briefing/2026/11/25/briefing-2026-11-25.html");
        assertThat(report.files()).as("the web copy is archived though formats names only pdf").contains(archived);
        Document page = Jsoup.parse(Files.readString(archived));
        assertThat(anchors).allSatisfy(anchor -> assertThat(page.getElementById(anchor)).as(anchor).isNotNull());
        assertThat(page.getElementById(anchors.get(0)).text()).contains(email.select("a[href^=" + copy + "#]").first().text());
    }

    @Test
    void headlinesAreSetLargerThanTheTextForAPhone() throws Exception {
        run(config("", ""));

        Document email = html(received());
        assertThat(email.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        List<Element> headlines = email.select("a[href]");
        assertThat(headlines).isNotEmpty();
        int text = pixels(email.body());
        assertThat(text).as("body text").isBetween(14, 17);
        for (Element headline : headlines) {
            assertThat(pixels(headline)).as(headline.text()).isGreaterThanOrEqualTo(18).isGreaterThan(text);
            assertThat(style(headline)).as(headline.text()).contains("font-weight: bold").contains("serif");
        }
        for (Element paragraph : email.select("p")) {
            assertThat(pixels(paragraph)).as(paragraph.text()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void theEmailNamesWhereToUnsubscribeAndStillCarriesThePdf() throws Exception {
        run(config("", ""));

        MimeMessage message = received();
        assertThat(message.getHeader("List-Unsubscribe")).as("the sender, by default")
                .containsExactly("<mailto:briefing@example.org?subject=unsubscribe>");
        assertThat(message.getHeader("List-Unsubscribe-Post")).as("one click needs a web address").isNull();
        assertThat(TestFiles.leaves((Multipart) message.getContent())).extracting(BodyPart::getFileName)
                .contains("briefing-2026-11-25.pdf");
    }

    @Test
    void aConfiguredUnsubscribeAddressAndUrlMakeOneClickUnsubscribing() throws Exception {
        run(config("", """
                  unsubscribe: "Reader desk <leave+briefing@example.org>"
                  unsubscribe_url: "https://news.example.org/unsubscribe?who={address}"
                """));

        MimeMessage message = received();
        assertThat(jakarta.mail.internet.MimeUtility.unfold(message.getHeader("List-Unsubscribe", null)))
                .isEqualTo("<mailto:leave+briefing@example.org?subject=unsubscribe>, "
                        + "<https://news.example.org/unsubscribe?who=ops%40example.org>");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(TestFiles.leaves((Multipart) message.getContent())).extracting(part -> part.getContentType().replaceAll(";.*", "")
                .strip().toLowerCase()).containsExactly("text/plain", "text/html", "application/pdf");
    }

    /** @return the headline's element: a link, or the bold text standing for it */
    private static Element headline(Document email, String start) {
        return email.select("a, strong").stream().filter(element -> element.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no headline starting " + start + " in " + email.text()));
    }

    private static String style(Element element) {
        return element.attr("style");
    }

    /** @return the font size set on the element or the nearest ancestor that sets one, in px */
    private static int pixels(Element element) {
        Pattern size = Pattern.compile("font-size:\\s*(\\d+)px");
        for (Element at = element; at != null; at = at.parent()) {
            Matcher matcher = size.matcher(at.attr("style"));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no font size for " + element);
    }
}
