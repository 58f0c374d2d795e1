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
 * {@code .jsonl}, and {@code .rss}, {@code .atom} or {@code .xml} for saved feeds). A file named
 * directly with another extension is read as text; inside folders, such files are reported as
 * skipped, except sources files and subscription lists ({@code .yaml}, {@code .yml},
 * {@code .opml}), which are passed over.
 */
public final class FileArticleSource implements ArticleSource {

    private static final ArticleParser TEXT = new TextArticleParser();
    private static final ArticleParser FEED = FileArticleSource::feed;
    private static final Map<String, ArticleParser> PARSERS = Map.ofEntries(
            Map.entry("txt", TEXT),
            Map.entry("text", TEXT),
            Map.entry("md", new MarkdownArticleParser()),
            Map.entry("markdown", new MarkdownArticleParser()),
            Map.entry("html", new HtmlArticleParser()),
            Map.entry("htm", new HtmlArticleParser()),
            Map.entry("xhtml", new HtmlArticleParser()),
            Map.entry("json", new JsonArticles(false)),
            Map.entry("jsonl", new JsonArticles(true)),
            Map.entry("ndjson", new JsonArticles(true)),
            Map.entry("rss", FEED),
            Map.entry("atom", FEED),
            Map.entry("xml", FEED));
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Files that sit beside articles without being articles: sources and subscription lists. */
    private static final java.util.Set<String> COMPANIONS = java.util.Set.of("yaml", "yml", "opml");

    private final List<Path> paths;

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

    /** A feed saved as a file; its items are read as they are, teasers included. */
    private static IngestResult feed(String location, String content) {
        if (!FeedParser.looksLikeFeed(content)) {
            throw new IngestException(location + ": not an RSS or Atom feed");
        }
        return FeedParser.parse(location, content, "", null);
    }

    private List<Path> filesUnder(Path folder, List<IngestResult> results) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(file -> {
                        String extension = extension(file);
                        if (PARSERS.containsKey(extension)) {
                            files.add(file);
                        } else if (!COMPANIONS.contains(extension)) {
                            results.add(IngestResult.failed(new SkippedInput(file.toString(),
                                    "not an article format newsbrief reads (.txt, .md, .html, .json, .jsonl, .rss, .atom, .xml)")));
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
