package org.newsbrief.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Articles from files and folders. Folders are read recursively in name order; a file's format
 * comes from its extension ({@code .txt}, {@code .md}, {@code .html}, {@code .json},
 * {@code .jsonl}). A file named directly with another extension is read as text; inside folders,
 * such files are passed over and listed in {@link #ignored()}.
 */
public final class FileArticleSource implements ArticleSource {

    private static final ArticleParser TEXT = new TextArticleParser();
    private static final Map<String, ArticleParser> PARSERS = Map.of(
            "txt", TEXT,
            "text", TEXT,
            "md", new MarkdownArticleParser(),
            "markdown", new MarkdownArticleParser(),
            "html", new HtmlArticleParser(),
            "htm", new HtmlArticleParser(),
            "xhtml", new HtmlArticleParser(),
            "json", new JsonArticles(false),
            "jsonl", new JsonArticles(true),
            "ndjson", new JsonArticles(true));
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final List<Path> paths;
    private final List<Path> ignored = new ArrayList<>();

    /**
     * @param paths files and folders, as the user named them
     */
    public FileArticleSource(List<Path> paths) {
        this.paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
    }

    @Override
    public IngestResult read() {
        List<IngestResult> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : filesUnder(path, results)) {
                    results.add(readFile(file));
                }
            } else {
                results.add(readFile(path));
            }
        }
        return IngestResult.concat(results);
    }

    /**
     * @return files inside the named folders that were passed over because of their extension
     */
    public List<Path> ignored() {
        return List.copyOf(ignored);
    }

    /**
     * Reads one file, whatever its extension.
     *
     * @param file the file
     * @return its articles, or the reason it was skipped
     */
    public static IngestResult readFile(Path file) {
        String location = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return IngestResult.failed(new SkippedInput(location, "is a folder"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return IngestResult.failed(new SkippedInput(location,
                        "file is " + size / (1024 * 1024) + " MB, over the " + MAX_BYTES / (1024 * 1024) + " MB limit"));
            }
            String content = TextDecoding.decode(Files.readAllBytes(file), location);
            return parserFor(file).parse(location, content);
        } catch (NoSuchFileException e) {
            return IngestResult.failed(new SkippedInput(location, "no such file"));
        } catch (AccessDeniedException e) {
            return IngestResult.failed(new SkippedInput(location, "permission denied"));
        } catch (IOException e) {
            return IngestResult.failed(new SkippedInput(location, "cannot read: " + e.getMessage()));
        } catch (IngestException e) {
            String message = e.getMessage();
            String reason = message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
            return IngestResult.failed(new SkippedInput(location, reason));
        }
    }

    private List<Path> filesUnder(Path folder, List<IngestResult> results) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(file -> {
                        if (PARSERS.containsKey(extension(file))) {
                            files.add(file);
                        } else {
                            ignored.add(file);
                        }
                    });
            return files;
        } catch (IOException | java.io.UncheckedIOException e) {
            results.add(IngestResult.failed(new SkippedInput(folder.toString(), "cannot list folder: " + e.getMessage())));
            return List.of();
        }
    }

    private static ArticleParser parserFor(Path file) {
        return PARSERS.getOrDefault(extension(file), TEXT);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
