package org.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.TestFiles;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;
import org.newsbrief.ingest.Article;
import org.newsbrief.ingest.FileArticleSource;
import org.newsbrief.nlp.OpenNlpTextAnalyzer;

class JsonRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Meta-schemas come from the validator's jar; nothing is fetched, so a wrong $schema fails, never goes online. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private static JsonNode schemaNode;
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = JsonRenderer.class.getClassLoader().getResourceAsStream(JsonRenderer.SCHEMA)) {
            assertThat(in).as(JsonRenderer.SCHEMA + " on the classpath").isNotNull();
            schemaNode = JSON.readTree(in);
        }
        schema = REGISTRY.getSchema(schemaNode);
    }

    private static List<Error> errors(JsonNode document) {
        return schema.validate(document);
    }

    @Test
    void schemaIsValidDraft202012AndDescribesEveryProperty() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(schemaNode)).isEmpty();
        assertThat(schemaNode.path("$id").asText()).isNotBlank();
        assertThat(schemaNode.path("title").asText()).isNotBlank();
        List<String> undescribed = new ArrayList<>();
        undescribedProperties(schemaNode, "#", undescribed);
        assertThat(undescribed).isEmpty();
    }

    /** Every property of every object in the schema, however deep, says what it holds. */
    private static void undescribedProperties(JsonNode node, String path, List<String> undescribed) {
        if (node.isObject()) {
            node.path("properties").properties().forEach(property -> {
                if (!property.getValue().hasNonNull("description")) {
                    undescribed.add(path + "/properties/" + property.getKey());
                }
            });
            node.properties().forEach(
                    child -> undescribedProperties(child.getValue(), path + "/" + child.getKey(), undescribed));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                undescribedProperties(node.get(i), path + "/" + i, undescribed);
            }
        }
    }

    @Test
    void samplesBriefingFollowsTheSchemaAndPointsIntoItsReports() throws IOException {
        Path out = dir.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = TestFiles.run(stdout, stderr, "generate", TestFiles.samples().toString(), "--out", out.toString(),
                "--date", "2026-11-25", "--format", "json,md");

        assertThat(code).as(stderr.toString()).isZero();
        Path file = out.resolve("briefing-2026-11-25.json");
        assertThat(stdout.toString()).contains("wrote " + file);
        assertThat(out.resolve("briefing-2026-11-25.pdf")).doesNotExist();
        JsonNode briefing = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(errors(briefing)).isEmpty();
        assertThat(briefing.path("format").asText()).isEqualTo(JsonRenderer.FORMAT);
        assertThat(briefing.path("date").asText()).isEqualTo("2026-11-25");
        assertThat(ZonedDateTime.parse(briefing.path("generatedAt").asText()).toInstant())
                .isEqualTo(TestFiles.CLOCK.instant());

        List<JsonNode> stories = new ArrayList<>();
        briefing.path("sections").forEach(section -> {
            int previous = 0;
            for (JsonNode story : section.path("stories")) {
                stories.add(story);
                assertThat(story.path("section").asText()).isEqualTo(section.path("name").asText());
                assertThat(story.path("rank").asInt()).as("ranks within a section rise").isGreaterThan(previous);
                previous = story.path("rank").asInt();
            }
        });
        long headings = Files.readString(out.resolve("briefing-2026-11-25.md")).lines()
                .filter(line -> line.startsWith("### ")).count();
        assertThat(stories).hasSize((int) headings).hasSizeGreaterThan(5);
        assertThat(stories.stream().map(story -> story.path("rank").asInt()).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, stories.size()).boxed().toList());
        Set<String> ids = new HashSet<>();
        stories.forEach(story -> assertThat(ids.add(story.path("id").asText())).as("ids are unique").isTrue());
        assertThat(briefing.path("executiveSummary")).isNotEmpty().allSatisfy(
                item -> assertThat(ids).contains(item.path("story").asText()));

        // Each quoted sentence is found at its offsets in the text its report was analyzed into.
        OpenNlpTextAnalyzer analyzer = new OpenNlpTextAnalyzer(TestFiles.MODELS);
        Map<String, String> texts = new HashMap<>();
        for (Article article : new FileArticleSource(List.of(TestFiles.samples())).read().articles()) {
            texts.put(article.origin(), analyzer.analyze(article).text());
        }
        int quoted = 0;
        for (JsonNode story : stories) {
            JsonNode reports = story.path("reports");
            for (JsonNode sentence : story.path("summary")) {
                assertThat(sentence.path("text").asText()).isNotBlank();
                JsonNode source = sentence.path("source");
                if (source.isNull()) {
                    continue;
                }
                quoted++;
                JsonNode report = reports.get(source.path("report").asInt());
                assertThat(report).as("report index in range").isNotNull();
                assertThat(source.path("outlet").asText()).isEqualTo(report.path("outlet").asText());
                assertThat(source.path("origin").asText()).isEqualTo(report.path("origin").asText());
                String text = texts.get(report.path("origin").asText());
                assertThat(text).as("analyzed text of " + report.path("origin").asText()).isNotNull();
                int start = source.path("start").asInt();
                int end = source.path("end").asInt();
                assertThat(start).isLessThan(end);
                assertThat(end).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(start, end)).isEqualTo(sentence.path("text").asText());
            }
        }
        assertThat(quoted).isGreaterThan(stories.size());
    }

    @Test
    void missingFieldsAndWrongTypesAreRejected() {
        ObjectNode valid = (ObjectNode) document();
        assertThat(errors(valid)).isEmpty();

        ObjectNode noTitle = valid.deepCopy();
        noTitle.remove("title");
        assertThat(errors(noTitle)).extracting(Error::getKeyword).contains("required");

        ObjectNode textRank = valid.deepCopy();
        ((ObjectNode) textRank.path("sections").get(0).path("stories").get(0)).put("rank", "first");
        assertThat(errors(textRank)).extracting(Error::getKeyword).contains("type");

        ObjectNode extraKey = valid.deepCopy();
        JsonNode firstStory = extraKey.path("sections").get(0).path("stories").get(0);
        ((ObjectNode) firstStory.path("reports").get(0)).put("html", "<b>");
        assertThat(errors(extraKey)).extracting(Error::getKeyword).contains("additionalProperties");

        ObjectNode otherVersion = valid.deepCopy();
        otherVersion.put("format", "newsbrief-briefing/2");
        assertThat(errors(otherVersion)).isNotEmpty();
    }

    @Test
    void untrustedTextStaysPlainStringsAndUnknownsAreNull() throws IOException {
        JsonNode written = document();

        assertThat(errors(written)).isEmpty();
        JsonNode story = written.path("sections").get(0).path("stories").get(0);
        assertThat(story.path("headline").asText()).isEqualTo("\"Quotes\" </script><b>bold</b> \u2028 done");
        assertThat(story.path("summary").get(0).path("text").asText()).isEqualTo("A broken \uFFFD pair.");
        assertThat(story.path("summary").get(0).path("source").path("start").asInt()).isEqualTo(4);
        assertThat(story.path("summary").get(1).path("source").isNull()).isTrue();
        assertThat(story.path("date").isNull()).isTrue();
        assertThat(story.path("coveredOn").asText()).isEqualTo("2026-11-20");
        assertThat(story.path("score").isNull()).isTrue();
        assertThat(story.path("authorship").path("method").asText()).isEqualTo("model-written");
        assertThat(written.path("executiveSummary").get(0).path("story").asText()).isEqualTo("abc123");
        assertThat(written.path("leftOut").get(0).path("reason").asText()).isEqualTo("over the cap of 1 story");
        assertThat(JsonRenderer.json(briefing())).as("the same bytes each time")
                .isEqualTo(JsonRenderer.json(briefing()))
                .endsWith("}\n").doesNotContain("\r");
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(JsonRenderer.json(briefing()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Briefing briefing() {
        Story story = new Story("\"Quotes\" </script><b>bold</b> \u2028 done",
                List.of("A broken \uD800 pair.", "Written."),
                List.of(new Story.Outlet("Wire", "https://example.org/a", "Title", "in/a.txt"),
                        new Story.Outlet(null, null, null)),
                null, "World", List.of("Zürich"), "eng", LocalDate.of(2026, 11, 20),
                new Story.Authorship(Story.Authorship.Method.MODEL_WRITTEN, 2, ""), "abc123",
                new Story.Ranking(1, Double.NaN, List.of("reported by 2 outlets")), List.of(new Story.Quote(0, 4, 20)));
        return new Briefing("Morning", LocalDate.of(2026, 11, 25),
                ZonedDateTime.of(2026, 11, 25, 6, 0, 0, 0, ZoneId.of("Europe/Zurich")),
                List.of(new Briefing.Highlight(story, "A broken pair.")), List.of(new Section("World", List.of(story))),
                List.of("Zürich"), List.of(new Briefing.LeftOut("Other", "in/b.txt", "over the cap of 1 story")));
    }
}
