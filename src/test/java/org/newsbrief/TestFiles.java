package org.newsbrief;

import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.newsbrief.nlp.NlpModels;

/** Shared test fixtures: the project's folders, the shared data set, one copy of the models. */
public final class TestFiles {

    /** Loaded once for the whole test run; models are immutable and meant to be shared. */
    public static final NlpModels MODELS = new NlpModels();

    /** A fixed clock: 25 November 2026, 06:00 in Zürich. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T05:00:00Z"), ZoneId.of("Europe/Zurich"));

    private TestFiles() {}

    /** @return the project's {@code samples/} folder */
    public static Path samples() {
        return Path.of("samples");
    }

    /** @return the project's {@code templates/} folder */
    public static Path templates() {
        return Path.of("templates");
    }

    /**
     * Resolves a file in {@code ../shared}, skipping the calling test where it is absent (as in a
     * user's clone of the project).
     *
     * @param relative path inside the shared folder
     * @return the file
     */
    public static Path shared(String relative) {
        Path file = Path.of("..", "shared").resolve(relative);
        assumeTrue(Files.isRegularFile(file),
                () -> "skipped: " + file + " is not here (the shared data sits beside the project only on the team's machines)");
        return file;
    }

    /** @return an OpenNLP analyzer over the shared models */
    public static org.newsbrief.nlp.TextAnalyzer analyzer() {
        return new org.newsbrief.nlp.OpenNlpTextAnalyzer(MODELS);
    }

    /** @return a facade with the default settings over the shared models with the fixed clock */
    public static Newsbrief newsbrief() {
        return newsbrief(NewsbriefConfig.defaults());
    }

    /**
     * @param settings the settings
     * @return a facade with those settings over the shared models with the fixed clock
     */
    public static Newsbrief newsbrief(NewsbriefConfig settings) {
        return Newsbrief.builder(settings).models(MODELS).clock(CLOCK).build();
    }

    /**
     * Settings as the command line makes them from flags, with no file.
     *
     * @param flagsAndValues flags of {@code generate} each followed by its value, such as
     *     {@code "--format", "html", "--threads", "1"}
     * @return the settings
     */
    public static NewsbriefConfig settings(String... flagsAndValues) {
        java.util.Map<String, java.util.List<String>> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < flagsAndValues.length; i += 2) {
            given.put(flagsAndValues[i], java.util.List.of(flagsAndValues[i + 1]));
        }
        return new ConfigLoader(java.util.Map.of()).load(null, given, ConfigLoader.Purpose.COMMAND);
    }

    /**
     * Runs the command line in process, as {@code newsbrief ARGS...} would, over the shared models.
     *
     * @param out receives standard output
     * @param err receives standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(java.io.StringWriter out, java.io.StringWriter err, String... args) {
        picocli.CommandLine commandLine = org.newsbrief.cli.Main.commandLine(newsbrief());
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /**
     * @param pdf a PDF file
     * @return its text as PDFBox extracts it, with all white space runs made single spaces
     */
    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return normalizeSpace(new PDFTextStripper().getText(document));
        }
    }

    /**
     * @param text any text
     * @return the text with white space runs made single spaces, trimmed
     */
    public static String normalizeSpace(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * @param multipart a message's content
     * @return its leaf parts in order, nested multiparts opened: text, HTML, attachments
     */
    public static java.util.List<jakarta.mail.BodyPart> leaves(jakarta.mail.Multipart multipart) throws Exception {
        java.util.List<jakarta.mail.BodyPart> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                leaves.addAll(leaves(inner));
            } else {
                leaves.add(part);
            }
        }
        return leaves;
    }
}
