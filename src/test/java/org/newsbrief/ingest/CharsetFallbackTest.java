package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsbrief.LoopbackServer;

/** A declared charset is a claim: when the bytes do not decode in it, other readings are tried. */
@Timeout(60)
class CharsetFallbackTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String BODY = "Le Café du Port de Zürich a rouvert lundi, après trois mois de travaux. "
            + "Les clients sont revenus dès l’ouverture, et la terrasse était pleine à midi.";

    private final HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults().withPrivateNetwork(true));

    @Test
    void windows1252ServedAsUtf8IsReadAsWindows1252() throws IOException {
        byte[] page = page("").getBytes(WINDOWS_1252);
        try (LoopbackServer server = new LoopbackServer().serve("/p.html", "text/html; charset=utf-8", page)) {
            Article article = read(server.base() + "/p.html");

            assertThat(article.text()).contains("Café du Port de Zürich").doesNotContain("\uFFFD");
        }
    }

    @Test
    void theMetaCharsetIsTriedBeforeTheLastResort() throws IOException {
        // KOI8-R Cyrillic bytes are not UTF-8; read as Windows-1252 they would be Latin garbage.
        String russian = "Порт Цюриха снова открылся в понедельник после трёх месяцев работ, и кафе было полным.";
        byte[] page = ("<html><head><meta charset=\"koi8-r\"><title>Порт</title></head><body><p>" + russian
                + "</p></body></html>").getBytes(Charset.forName("KOI8-R"));
        try (LoopbackServer server = new LoopbackServer().serve("/r.html", "text/html; charset=utf-8", page)) {
            Article article = read(server.base() + "/r.html");

            assertThat(article.text()).contains("Порт Цюриха снова открылся");
        }
    }

    @Test
    void aRightDeclarationStillWinsOverAWrongMeta() throws IOException {
        byte[] page = page("<meta charset=\"utf-8\">").getBytes(WINDOWS_1252);
        try (LoopbackServer server = new LoopbackServer().serve("/m.html", "text/html; charset=windows-1252", page)) {
            assertThat(read(server.base() + "/m.html").text()).contains("Café du Port de Zürich");
        }
    }

    @Test
    void utf8DeclaredAsLatin1IsStillUtf8() {
        String text = TextDecoding.decode(BODY.getBytes(StandardCharsets.UTF_8), "iso-8859-1", "x");

        assertThat(text).isEqualTo(BODY);
    }

    @Test
    void aLatin1LabelReadsTheQuotesAndEuroSignsOfWindows1252() {
        String prices = "Prices rose to €4 a cup, “far too much”, said one customer – a regular.";

        assertThat(TextDecoding.decode(prices.getBytes(WINDOWS_1252), "iso-8859-1", "x")).isEqualTo(prices);
        assertThat(TextDecoding.decode(prices.getBytes(WINDOWS_1252), "us-ascii", "x")).isEqualTo(prices);
    }

    private Article read(String url) {
        IngestResult result = new UrlArticleSource(url, fetcher, false, "", "").read();
        assertThat(result.skipped()).isEmpty();
        return result.articles().get(0);
    }

    private static String page(String meta) {
        return "<html><head>" + meta + "<title>Café</title></head><body><article><p>" + BODY + "</p><p>" + BODY
                + "</p></article></body></html>";
    }
}
