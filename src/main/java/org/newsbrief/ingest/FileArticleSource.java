package org.newsbrief.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 *
 * <p>Only regular files are read, a whole file at most {@code maxBytes} long (JSON Lines, read a
 * line at a time, at most that long a line). In a folder, symbolic links leading outside it are
 * skipped with a note; a file named directly may be a link, since the user chose it.
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
    /** Files that sit beside articles without being articles: sources and subscription lists. */
    private static final java.util.Set<String> COMPANIONS = java.util.Set.of("yaml", "yml", "opml");
    private static final java.util.Set<String> LINES = java.util.Set.of("jsonl", "ndjson");

    private final List<Path> paths;
    private final long maxBytes;

    /**
     * Files limited to the default size, {@link FetchSettings#DEFAULT_MAX_BYTES}.
     *
     * @param paths files and folders, as the user named them
     */
    public FileArticleSource(List<Path> paths) {
        this(paths, FetchSettings.DEFAULT_MAX_BYTES);
    }

    /**
     * @param paths files and folders, as the user named them
     * @param maxBytes the largest file read whole; JSON Lines are read a line at a time, and
     *     this limits each line instead
     */
    public FileArticleSource(List<Path> paths, long maxBytes) {
        this.paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public IngestResult read() {
        List<IngestResult> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : filesUnder(path, results)) {
                    results.add(readFile(file, maxBytes));
                }
            } else {
                results.add(readFile(path, maxBytes));
            }
        }
        return IngestResult.concat(results);
    }

    /**
     * Reads one file, whatever its extension, limited to the default size.
     *
     * @param file the file
     * @return its articles, or the reason it was skipped
     */
    public static IngestResult readFile(Path file) {
        return readFile(file, FetchSettings.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads one file, whatever its extension. Only regular files are read: a device, a pipe or a
     * socket could be endless or never answer.
     *
     * @param file the file
     * @param maxBytes the largest file read whole (for JSON Lines, the longest line)
     * @return its articles, or the reason it was skipped
     */
    public static IngestResult readFile(Path file, long maxBytes) {
        String location = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return IngestResult.failed(new SkippedInput(location, "is a folder"));
            }
            if (!Files.isRegularFile(file)) {
                return IngestResult.failed(new SkippedInput(location, Files.exists(file)
                        ? "not a regular file (a device, pipe or socket); only regular files are read"
                        : "no such file"));
            }
            if (LINES.contains(extension(file)) && !startsWithUtf16Mark(file)) {
                return JsonArticles.readLines(location, Files.newInputStream(file), maxBytes);
            }
            String content = TextDecoding.decode(bytesOf(file, maxBytes, "--max-bytes"), location);
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

    /**
     * Reads a whole file, but never more than the limit, whatever size the file claims: a file
     * may grow while it is read, and some report no size at all.
     *
     * @param file a regular file
     * @param maxBytes the most bytes accepted
     * @param limitName how users set the limit, such as {@code "--max-bytes"}, for the message
     * @return its bytes
     * @throws IOException when it cannot be read
     * @throws IngestException naming the file and the limit when it is larger
     */
    static byte[] bytesOf(Path file, long maxBytes, String limitName) throws IOException {
        String over = file + ": file is larger than the limit of " + size(maxBytes) + " (" + limitName + ")";
        if (Files.size(file) > maxBytes) {
            throw new IngestException(over);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new IngestException(over);
            }
            return bytes;
        }
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** JSON Lines in UTF-16 are rare enough to be read whole, as before streaming existed. */
    private static boolean startsWithUtf16Mark(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                    || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE);
        }
    }

    /** A feed saved as a file; its items are read as they are, teasers included. */
    private static IngestResult feed(String location, String content) {
        if (!FeedParser.looksLikeFeed(content)) {
            throw new IngestException(location + ": not an RSS or Atom feed");
        }
        return FeedParser.parse(location, content, "", null);
    }

    /**
     * The article files under a folder. Links are not followed out of it: a link inside the
     * folder to {@code /etc/passwd} or {@code ../secrets.env} would otherwise put that file into a
     * briefing that is then mailed. Links that stay inside may be read.
     */
    private List<Path> filesUnder(Path folder, List<IngestResult> results) {
        try (Stream<Path> walk = Files.walk(folder)) {
            Path root = folder.toRealPath();
            List<Path> files = new ArrayList<>();
            walk.filter(entry -> !entry.equals(folder))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(file -> {
                        String why = refusal(file, root);
                        if (why != null) {
                            results.add(IngestResult.failed(new SkippedInput(file.toString(), why)));
                            return;
                        }
                        if (!Files.isRegularFile(file)) {
                            return;
                        }
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

    /** @return why a folder entry is not read, or {@code null} when it may be */
    private static String refusal(Path entry, Path root) {
        if (Files.isSymbolicLink(entry)) {
            Path target;
            try {
                target = entry.toRealPath();
            } catch (IOException broken) {
                return "symbolic link to nothing (broken); not followed";
            }
            if (!target.startsWith(root)) {
                return "symbolic link leading outside the folder; not followed";
            }
            return Files.isDirectory(target) || Files.isRegularFile(target) ? null
                    : "symbolic link to something that is not a regular file; not followed";
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return "not a regular file (a device, pipe or socket); only regular files are read";
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
