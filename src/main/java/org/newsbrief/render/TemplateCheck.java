package org.newsbrief.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;
import org.newsbrief.llm.PromptTemplates;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a templates folder before a run does, for everything an editor can break. Each
 * {@code .html} template must be well-formed XHTML whose Thymeleaf expressions parse and read only
 * variables that exist; it may print nothing unescaped ({@code th:utext}, {@code [(...)]}, or a
 * fragment named by a variable), and may load nothing from outside the folder. Every stylesheet,
 * {@code <style>} element and {@code style} attribute must be CSS without syntax errors and may name
 * only the fonts the PDF renderer ships ({@code email.html} is exempt from the fonts rule: mail
 * programs show it with the reader's fonts). Each problem is one line,
 * {@code file:line:column: message}, printed by {@link TemplateProblem} as the renderers print theirs.
 */
public final class TemplateCheck {

    private static final Pattern EXPRESSION = Pattern.compile("[$*]\\{([^}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("(?<![#\\w.'])([A-Za-z_]\\w*)((?:\\.[A-Za-z_]\\w*)*)");
    private static final Pattern EACH = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*(?:,\\s*[A-Za-z_]\\w*\\s*)?:\\s*\\$\\{\\s*([\\w.]+)\\s*}\\s*$");
    private static final Set<String> LITERALS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt",
            "le", "ge", "instanceof", "new", "T");
    /** Thymeleaf's unescaped inlined output, {@code [(${...})]}. */
    private static final Pattern UNESCAPED_INLINE = Pattern.compile("\\[\\(");
    /** Attributes through which an element loads what they name. */
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("src", "href", "data", "poster", "background", "srcset");
    /** Elements whose {@code href} is a link to follow, not something loaded with the page. */
    private static final Set<String> LINK_ELEMENTS = Set.of("a", "area", "bookmark");
    private static final Pattern STRING_LITERAL = Pattern.compile("'([^']*)'|@\\{([^}(]*)");

    private TemplateCheck() {}

    /**
     * Checks a folder the way {@code check-templates} does. A templates folder (one holding
     * {@code .html} or {@code .css} files) has its templates and stylesheets checked, then the
     * {@code prompts} folder beside it, when there is one; any other folder is taken for a prompts
     * folder and its prompts are checked.
     *
     * @param folder a templates or prompts folder
     * @return one line per problem, {@code file:line:column: message}; empty when all is well
     * @throws IOException when a folder cannot be listed or a file read
     */
    public static List<String> check(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        List<Path> files = list(folder);
        boolean templates = files.stream().anyMatch(file -> isHtml(file) || isCss(file));
        if (!templates) {
            return PromptTemplates.check(folder);
        }
        List<String> problems = new ArrayList<>(templates(folder, files));
        Path prompts = beside(folder);
        if (Files.isDirectory(prompts)) {
            problems.addAll(PromptTemplates.check(prompts));
        }
        return problems;
    }

    /**
     * The problems a run would meet in its templates, cheap enough to ask before every run: the
     * checks of {@link #check(Path)} on the folder's templates and stylesheets, then, when they
     * pass, one rendering of {@code briefing.html} and {@code email.html} with a small sample
     * briefing, which finds an expression that does not parse or fails. Measured on two busy cores:
     * 30 to 70 ms once warm, about 0.2 s the first time in a process that has rendered before; in a
     * fresh process the first call also pays Thymeleaf's start-up (about 1.5 s), which the run's own
     * rendering then no longer pays. Prompts are not checked here; a run that uses them checks them
     * when it loads them.
     *
     * @param templates the templates a run reads
     * @return one line per problem, {@code file:line:column: message}; empty when all is well, and
     *     always for the built-in templates alone, which the build has checked
     * @throws RenderException when the folder cannot be listed or a file in it read
     */
    public static List<String> problems(TemplateFolder templates) {
        Objects.requireNonNull(templates, "templates");
        if (templates.folder().isEmpty()) {
            return List.of();
        }
        Path folder = templates.folder().get();
        try {
            return templates(folder, list(folder));
        } catch (IOException e) {
            throw new RenderException("cannot check the templates in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isHtml(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
    }

    private static boolean isCss(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".css");
    }

    /** @return the {@code prompts} folder beside a templates folder, as the project lays them out */
    private static Path beside(Path folder) {
        Path normal = folder.normalize();
        if (normal.getFileName() == null || normal.toString().isEmpty() || normal.getFileName().toString().equals("..")) {
            return folder.toAbsolutePath().normalize().resolveSibling("prompts");
        }
        return normal.resolveSibling("prompts");
    }

    private static List<String> templates(Path folder, List<Path> files) throws IOException {
        List<TemplateProblem> problems = new ArrayList<>();
        Map<String, Set<String>> linkedFrom = new HashMap<>();
        Set<String> rendered = new TreeSet<>();
        for (Path template : files.stream().filter(TemplateCheck::isHtml).toList()) {
            problems.addAll(checkTemplate(folder, template, linkedFrom));
            String name = template.getFileName().toString();
            if (name.equals(HtmlRenderer.BRIEFING_TEMPLATE) || name.equals(HtmlRenderer.EMAIL_TEMPLATE)) {
                rendered.add(name);
            }
        }
        for (Path stylesheet : files.stream().filter(TemplateCheck::isCss).toList()) {
            Set<String> users = linkedFrom.getOrDefault(stylesheet.getFileName().toString(), Set.of());
            boolean emailOnly = !users.isEmpty() && users.stream().allMatch(HtmlRenderer.EMAIL_TEMPLATE::equals);
            TemplateSource source = new TemplateSource(stylesheet.toString(), Files.readString(stylesheet, StandardCharsets.UTF_8));
            problems.addAll(CssCheck.stylesheet(source, 0, source.text().length(), !emailOnly));
        }
        problems.sort(Comparator.comparing(TemplateProblem::file).thenComparingInt(TemplateProblem::line)
                .thenComparingInt(TemplateProblem::column));
        if (problems.isEmpty()) {
            problems.addAll(render(folder, rendered));
        }
        return problems.stream().map(TemplateProblem::toString).distinct().toList();
    }

    private static List<TemplateProblem> checkTemplate(Path folder, Path template, Map<String, Set<String>> linkedFrom)
            throws IOException {
        TemplateSource source = new TemplateSource(template.toString(), Files.readString(template, StandardCharsets.UTF_8));
        List<TemplateProblem> problems = new ArrayList<>();
        String name = template.getFileName().toString();
        Checker checker = new Checker(source, new TemplateFolder(folder), name, knownVariables(), problems, linkedFrom);
        source.parse(checker).ifPresent(problems::add);
        Matcher inline = UNESCAPED_INLINE.matcher(source.code());
        while (inline.find()) {
            problems.add(source.problem(inline.start(), "[(...)] prints its value unescaped, so markup in an article"
                    + " would become part of the page; write [[...]], which escapes it"));
        }
        return problems;
    }

    /** Renders the templates once with a sample briefing, so that what only Thymeleaf notices is reported too. */
    private static List<TemplateProblem> render(Path folder, Set<String> templates) {
        List<TemplateProblem> problems = new ArrayList<>();
        for (String template : templates) {
            String file = folder.resolve(template).toString();
            RunLog.Recorder warnings = new RunLog.Recorder();
            try {
                new HtmlRenderer(new TemplateFolder(folder), warnings).render(HtmlRenderer.sampleBriefing(), template);
            } catch (RenderException e) {
                String message = e.getMessage().replaceAll("\\s+", " ");
                problems.add(TemplateProblem.parse(message).orElse(new TemplateProblem(file, 1, 1, message)));
            }
            for (String warning : warnings.messages(RunEvent.Warning.class)) {
                problems.add(TemplateProblem.parse(warning).orElse(new TemplateProblem(file, 1, 1, warning)));
            }
        }
        return problems;
    }

    /** The variables a template may read, by name, with a sample value that shows their properties. */
    static Map<String, Object> knownVariables() {
        Map<String, Object> known = new HashMap<>();
        known.put("briefing", HtmlRenderer.sampleView());
        return known;
    }

    /**
     * Walks the template, tracking loop variables, and checks every element it meets: its
     * expressions, its output, what it loads and its styles.
     */
    private static final class Checker extends DefaultHandler {

        private final TemplateSource source;
        private final TemplateFolder folder;
        private final String template;
        private final boolean fonts;
        private final Map<String, Object> known;
        private final List<TemplateProblem> problems;
        private final Map<String, Set<String>> linkedFrom;
        private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
        private Locator locator;
        private int tagStart;
        private int tagEnd;
        private int styleStart = -1;

        Checker(TemplateSource source, TemplateFolder folder, String template, Map<String, Object> known,
                List<TemplateProblem> problems, Map<String, Set<String>> linkedFrom) {
            this.source = source;
            this.folder = folder;
            this.template = template;
            this.fonts = !template.equals(HtmlRenderer.EMAIL_TEMPLATE);
            this.known = known;
            this.problems = problems;
            this.linkedFrom = linkedFrom;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) {
            tagEnd = source.offset(locator.getLineNumber(), locator.getColumnNumber());
            tagStart = source.tagStart(tagEnd);
            Map<String, Object> scope = new HashMap<>();
            String each = attributes.getValue("th:each");
            if (each != null) {
                Matcher loop = EACH.matcher(each);
                if (!loop.matches()) {
                    report("th:each", "th:each=\"" + each + "\" is not of the form \"name : ${list}\"");
                } else {
                    Object list = resolve("th:each", loop.group(2), visible());
                    scope.put(loop.group(1), list instanceof List<?> items && !items.isEmpty() ? items.get(0) : null);
                }
            }
            scopes.push(scope);
            String element = name.toLowerCase(Locale.ROOT);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getQName(i);
                String value = attributes.getValue(i);
                String plain = attribute.startsWith("data-th-") ? "th:" + attribute.substring("data-th-".length()) : attribute;
                if (plain.startsWith("th:") && !plain.equals("th:each")) {
                    checkExpressions(attribute, value);
                }
                if (plain.equals("th:utext")) {
                    report(attribute, attribute + " prints its value unescaped, so markup in an article would become part"
                            + " of the page; use th:text, which escapes it");
                } else if (plain.equals("th:insert") || plain.equals("th:replace") || plain.equals("th:include")) {
                    checkFragment(attribute, value);
                } else if (plain.equals("style")) {
                    int from = source.valueStart(at(attribute));
                    problems.addAll(CssCheck.declarations(source, from, valueEnd(from), fonts));
                } else if (!LINK_ELEMENTS.contains(element) && RESOURCE_ATTRIBUTES.contains(plain)) {
                    checkAddress(attribute, plain.equals("srcset") ? value.strip().split("[\\s,]", 2)[0] : value);
                } else if (!LINK_ELEMENTS.contains(element) && plain.startsWith("th:")
                        && RESOURCE_ATTRIBUTES.contains(plain.substring(3))) {
                    Matcher literal = STRING_LITERAL.matcher(value);
                    while (literal.find()) {
                        checkAddress(attribute, literal.group(1) != null ? literal.group(1) : literal.group(2));
                    }
                }
            }
            if (element.equals("link") && "stylesheet".equalsIgnoreCase(String.valueOf(attributes.getValue("rel")).strip())
                    && attributes.getValue("href") != null) {
                String href = attributes.getValue("href").strip();
                linkedFrom.computeIfAbsent(href, key -> new TreeSet<>()).add(template);
                if (!TemplateFolder.leavesFolder(href) && folder.read(href).isEmpty()) {
                    report("href", "stylesheet '" + href + "' is not a file in the templates folder, so the page would"
                            + " be laid out without it");
                }
            }
            if (element.equals("style")) {
                styleStart = tagEnd;
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            scopes.pop();
            if (name.equalsIgnoreCase("style") && styleStart >= 0) {
                int end = source.code().lastIndexOf("</", source.offset(locator.getLineNumber(), locator.getColumnNumber()));
                problems.addAll(CssCheck.stylesheet(source, styleStart, Math.max(styleStart, end), fonts));
                styleStart = -1;
            }
        }

        /** A fragment brought in from elsewhere is markup; one named by a variable would let data choose it. */
        private void checkFragment(String attribute, String value) {
            String written = value.strip();
            if (written.startsWith("~{") && written.endsWith("}")) {
                written = written.substring(2, written.length() - 1);
            }
            int parameters = written.indexOf('(');
            String named = parameters < 0 ? written : written.substring(0, parameters);
            if (named.contains("${") || named.contains("*{") || named.contains("#{") || named.contains("@{")) {
                report(attribute, attribute + "=\"" + value + "\" takes the template to insert from a variable, so"
                        + " text could be inserted as markup; name a fragment, such as ~{parts :: footer}");
            }
        }

        private void checkAddress(String attribute, String address) {
            if (TemplateFolder.leavesFolder(address)) {
                report(attribute, "'" + address.strip() + "' is " + (TemplateFolder.isRemote(address)
                        ? "a remote address" : "outside the templates folder")
                        + "; only files in the templates folder are used and nothing is fetched");
            }
        }

        private Map<String, Object> visible() {
            Map<String, Object> all = new HashMap<>(known);
            List<Map<String, Object>> inner = new ArrayList<>(scopes);
            Collections.reverse(inner);
            inner.forEach(all::putAll);
            return all;
        }

        private void checkExpressions(String attribute, String value) {
            if (value.chars().filter(c -> c == '{').count() != value.chars().filter(c -> c == '}').count()) {
                report(attribute, attribute + "=\"" + value + "\": unbalanced braces");
                return;
            }
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                String body = expression.group(1).replaceAll("'[^']*'", "''");
                Matcher reference = REFERENCE.matcher(body);
                while (reference.find()) {
                    resolve(attribute, reference.group(1) + reference.group(2), visible());
                }
            }
        }

        /** Follows a chain such as {@code story.outlets} through the sample values, reporting what is missing. */
        private Object resolve(String attribute, String chain, Map<String, Object> variables) {
            String[] parts = chain.split("\\.");
            String root = parts[0];
            if (LITERALS.contains(root) || root.matches("\\d.*")) {
                return null;
            }
            if (!variables.containsKey(root)) {
                report(attribute, "unknown variable '" + root + "' (known here: "
                        + String.join(", ", new TreeSet<>(variables.keySet())) + ")");
                return null;
            }
            Object value = variables.get(root);
            String path = root;
            for (int i = 1; i < parts.length; i++) {
                if (!(value instanceof Map<?, ?> properties)) {
                    return null; // a method or property of a plain value, such as isEmpty
                }
                if (!properties.containsKey(parts[i])) {
                    Set<String> names = new TreeSet<>();
                    properties.keySet().forEach(key -> names.add(key.toString()));
                    report(attribute, "unknown variable '" + path + "." + parts[i] + "' (known: " + String.join(", ", names) + ")");
                    return null;
                }
                value = properties.get(parts[i]);
                path = path + "." + parts[i];
            }
            return value;
        }

        /** @return where an attribute of the current element is written, or else where the element starts */
        private int at(String attribute) {
            return source.attribute(tagStart, tagEnd, attribute).orElse(tagStart);
        }

        private int valueEnd(int valueStart) {
            char quote = source.code().charAt(Math.max(0, valueStart - 1));
            int end = source.code().indexOf(quote, valueStart);
            return end < 0 || end > tagEnd ? valueStart : end;
        }

        private void report(String attribute, String message) {
            problems.add(source.problem(at(attribute), message));
        }
    }
}
