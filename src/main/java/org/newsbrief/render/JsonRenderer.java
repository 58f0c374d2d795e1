package org.newsbrief.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.Section;
import org.newsbrief.compose.Story;

/**
 * The briefing as data: one JSON document that other tools can read, described by the JSON
 * Schema at {@link #SCHEMA}. Keys come in a fixed order and every piece of article text is a
 * plain JSON string.
 */
public final class JsonRenderer {

    /** The value of the document's {@code format} key: the schema's name and major version. */
    public static final String FORMAT = "newsbrief-briefing/1";

    /** Where the schema the documents follow lies on the classpath. */
    public static final String SCHEMA = "org/newsbrief/render/briefing.schema.json";

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    // The same bytes on every platform: two-space indents and \n line ends, whatever the system's separator.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator("");

    private JsonRenderer() {}

    /**
     * @param briefing the briefing
     * @return it as a pretty-printed JSON document, ending with a line break
     */
    public static String json(Briefing briefing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(briefing, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the briefing as UTF-8 JSON; the stream is left open.
     *
     * @param briefing the briefing
     * @param out where to write
     * @throws IOException when the stream cannot be written
     */
    public static void write(Briefing briefing, OutputStream out) throws IOException {
        java.util.Objects.requireNonNull(briefing, "briefing");
        java.util.Objects.requireNonNull(out, "out");
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(
                    new DefaultPrettyPrinter(SEPARATORS).withObjectIndenter(INDENT).withArrayIndenter(INDENT));
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("title", text(briefing.title()));
            json.writeStringField("date", briefing.date().toString());
            json.writeStringField("generatedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(briefing.generatedAt()));
            json.writeArrayFieldStart("executiveSummary");
            for (Briefing.Highlight highlight : briefing.executiveSummary()) {
                json.writeStartObject();
                json.writeStringField("story", text(highlight.story().id()));
                json.writeStringField("sentence", text(highlight.sentence()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sections");
            for (Section section : briefing.sections()) {
                json.writeStartObject();
                json.writeStringField("name", text(section.name()));
                json.writeArrayFieldStart("stories");
                for (Story story : section.stories()) {
                    story(json, story);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            strings(json, "keyNames", briefing.keyNames());
            json.writeArrayFieldStart("leftOut");
            for (Briefing.LeftOut left : briefing.leftOut()) {
                json.writeStartObject();
                json.writeStringField("headline", text(left.headline()));
                json.writeStringField("origin", text(left.origin()));
                json.writeStringField("reason", text(left.reason()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void story(JsonGenerator json, Story story) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", text(story.id()));
        json.writeNumberField("rank", story.ranking().rank());
        double score = story.ranking().score();
        if (Double.isFinite(score)) {
            json.writeNumberField("score", score);
        } else {
            // NaN and infinity are no JSON numbers; written bare they would break every reader.
            json.writeNullField("score");
        }
        strings(json, "why", story.ranking().why());
        json.writeStringField("headline", text(story.headline()));
        json.writeStringField("section", text(story.section()));
        day(json, "date", story.date());
        json.writeStringField("language", text(story.language()));
        day(json, "coveredOn", story.coveredOn());
        json.writeObjectFieldStart("authorship");
        json.writeStringField("method", method(story.authorship().method()));
        json.writeNumberField("checkedSources", story.authorship().checkedSources());
        json.writeStringField("reason", text(story.authorship().reason()));
        json.writeEndObject();
        strings(json, "keyNames", story.keyNames());
        json.writeArrayFieldStart("summary");
        for (int i = 0; i < story.summary().size(); i++) {
            json.writeStartObject();
            json.writeStringField("text", text(story.summary().get(i)));
            Story.Quote quote = i < story.sources().size() ? story.sources().get(i) : null;
            if (quote != null && quote.report() >= 0 && quote.report() < story.outlets().size()) {
                Story.Outlet report = story.outlets().get(quote.report());
                json.writeObjectFieldStart("source");
                json.writeNumberField("report", quote.report());
                json.writeStringField("outlet", text(report.name()));
                json.writeStringField("origin", text(report.origin()));
                json.writeNumberField("start", quote.start());
                json.writeNumberField("end", quote.end());
                json.writeEndObject();
            } else {
                json.writeNullField("source");
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("reports");
        for (Story.Outlet outlet : story.outlets()) {
            json.writeStartObject();
            json.writeStringField("outlet", text(outlet.name()));
            json.writeStringField("title", text(outlet.title()));
            json.writeStringField("url", text(outlet.url()));
            json.writeStringField("origin", outlet.origin());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The method as the schema spells it: {@code extracted}, {@code model-written} or {@code extracted-fallback}. */
    static String method(Story.Authorship.Method method) {
        return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Text as JSON can carry it: a surrogate without its partner, which some feeds hold, becomes
     * U+FFFD, since UTF-8 cannot encode it; the length stays, so offsets still hold.
     */
    static String text(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? value : out.toString();
    }

    private static void day(JsonGenerator json, String name, LocalDate day) throws IOException {
        if (day == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, day.toString());
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(text(value));
        }
        json.writeEndArray();
    }
}
