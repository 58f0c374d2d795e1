package org.newsbrief.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The prompt files, read once per run from the editable folders (the first folder that has a file
 * wins, file by file) or else from the built-in copies, and checked before any model is called:
 * a {@code {{variable}}} a prompt may not use is an error naming the file, line and column.
 */
public final class PromptTemplates {

    static final String BUILT_IN = "org/newsbrief/prompts/";

    /** The prompts and the variables each may use. */
    enum Kind {
        SYSTEM("system.txt", Set.of(), Set.of()),
        ARTICLE("article-summary.txt", Set.of("title", "source", "published", "text", "max_words", "language", "date"),
                Set.of("text")),
        STORY("story-summary.txt", Set.of("headline", "sources", "source_count", "summaries", "max_words", "language",
                "date"), Set.of("summaries")),
        HEADLINE("headline.txt", Set.of("titles", "summary", "max_words", "language", "date"), Set.of("summary")),
        EXECUTIVE("executive-summary.txt", Set.of("stories", "count", "max_words", "date"), Set.of("stories"));

        private final String file;
        private final Set<String> variables;
        private final Set<String> required;

        Kind(String file, Set<String> variables, Set<String> required) {
            this.file = file;
            this.variables = variables;
            this.required = required;
        }

        /** @return the prompt's file name */
        String file() {
            return file;
        }

        /** @return the variables the prompt may use */
        Set<String> variables() {
            return variables;
        }

        /**
         * @return the prompt's name, its file's base name such as {@code story-summary}, which each
         *     request carries so that a test server can tell prompts apart however they are worded
         */
        String promptName() {
            return file.substring(0, file.lastIndexOf('.'));
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final Map<Kind, Template> templates;

    private record Template(String where, String text) {}

    private PromptTemplates(Map<Kind, Template> templates) {
        this.templates = templates;
    }

    /**
     * Where prompts are looked for: the chosen folder, then the project's {@code prompts/} beside the
     * launcher (the {@code newsbrief.home} property it sets), else {@code ./prompts}.
     *
     * @param chosen a folder given on the command line or in the configuration, or {@code null}
     * @return the folders that exist, most specific first; the built-in prompts fill gaps after them
     */
    public static List<Path> searchPath(Path chosen) {
        List<Path> folders = new ArrayList<>();
        if (chosen != null) {
            folders.add(chosen);
        }
        String home = System.getProperty("newsbrief.home");
        if (home != null && Files.isDirectory(Path.of(home, "prompts"))) {
            folders.add(Path.of(home, "prompts"));
        } else if (Files.isDirectory(Path.of("prompts"))) {
            folders.add(Path.of("prompts"));
        }
        return folders;
    }

    /**
     * Reads and checks every prompt.
     *
     * @param folders editable folders, most specific first; files missing from all of them come from
     *     the built-in set
     * @return the prompts
     * @throws LlmException naming the file, line and column of every problem found
     */
    static PromptTemplates load(List<Path> folders) {
        Map<Kind, Template> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Template template = read(kind, folders);
            problems.addAll(check(kind, template));
            templates.put(kind, template);
        }
        if (!problems.isEmpty()) {
            throw new LlmException(String.join(System.lineSeparator(), problems));
        }
        return new PromptTemplates(templates);
    }

    /**
     * @param kind which prompt
     * @param values the variables' values; article text must already be fenced
     * @return the prompt with every variable filled in
     */
    String fill(Kind kind, Map<String, String> values) {
        String text = templates.get(kind).text();
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value given for {{" + matcher.group(1) + "}} of " + kind.file());
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString().strip();
    }

    /**
     * @param kind which prompt
     * @return where it was read from, for messages
     */
    String source(Kind kind) {
        return templates.get(kind).where();
    }

    private static Template read(Kind kind, List<Path> folders) {
        for (Path folder : folders) {
            Path file = folder.resolve(kind.file());
            if (Files.isRegularFile(file)) {
                try {
                    return new Template(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new LlmException("cannot read prompt " + file + ": " + e.getMessage(), e);
                }
            }
        }
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(BUILT_IN + kind.file())) {
            if (in == null) {
                throw new LlmException("prompt " + kind.file() + " is missing: not in " + folders + " and not built in");
            }
            return new Template("built-in " + kind.file(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LlmException("cannot read built-in prompt " + kind.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the prompt files in one folder as a run checks them before it calls a model: each
     * {@code {{variable}}} must be one its prompt is given, braces must pair, and a prompt must
     * use the variable that carries what it works on. A {@code .txt} file that is no prompt of
     * newsbrief's is reported too, since a misspelt name leaves the built-in prompt in use.
     *
     * @param folder a prompts folder
     * @return one line per problem, {@code file:line:column: message}; empty when the prompts are fine
     * @throws IOException when the folder cannot be listed or a file read
     */
    public static List<String> check(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".txt") && Files.isRegularFile(file))
                    .sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<Kind> kind = Arrays.stream(Kind.values()).filter(known -> known.file().equals(name)).findFirst();
            if (kind.isEmpty()) {
                problems.add(file + ":1:1: not a prompt newsbrief reads (its prompts are "
                        + String.join(", ", Arrays.stream(Kind.values()).map(Kind::file).toList())
                        + "); a misspelt name leaves the built-in prompt in use");
            } else {
                problems.addAll(check(kind.get(), new Template(file.toString(), Files.readString(file, StandardCharsets.UTF_8))));
            }
        }
        return problems;
    }

    private static List<String> check(Kind kind, Template template) {
        List<String> problems = new ArrayList<>();
        String[] lines = template.text().split("\n", -1);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = template.where() + ":" + (i + 1) + ":";
            Matcher matcher = VARIABLE.matcher(line);
            StringBuilder rest = new StringBuilder(line);
            while (matcher.find()) {
                String name = matcher.group(1);
                used.add(name);
                if (!kind.variables().contains(name)) {
                    problems.add(where + (matcher.start() + 1) + ": unknown variable {{" + name + "}}"
                            + (kind.variables().isEmpty() ? "; this prompt takes no variables"
                                    : "; known here: " + String.join(", ", new TreeSet<>(kind.variables()))));
                }
                for (int at = matcher.start(); at < matcher.end(); at++) {
                    rest.setCharAt(at, ' ');
                }
            }
            int open = rest.indexOf("{{");
            int close = rest.indexOf("}}");
            int stray = open < 0 ? close : close < 0 ? open : Math.min(open, close);
            if (stray >= 0) {
                problems.add(where + (stray + 1) + ": unclosed or stray braces; variables are written {{name}}");
            }
        }
        if (template.text().isBlank()) {
            problems.add(template.where() + ":1:1: the prompt is empty");
        }
        for (String name : kind.required) {
            if (!used.contains(name)) {
                problems.add(template.where() + ":1:1: never uses {{" + name + "}}, so the model would not see what it is to work on");
            }
        }
        return problems;
    }
}
