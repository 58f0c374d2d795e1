package org.newsbrief.render;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.newsbrief.compose.Briefing;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import org.newsbrief.events.RunEvent;
import org.newsbrief.events.RunLog;

/**
 * Checks a templates folder before a run does: every {@code .html} template must be well-formed
 * XHTML, its Thymeleaf expressions must parse, and the variables it reads must exist. Each problem
 * is one line, {@code file:line:column: message}.
 */
public final class TemplateCheck {

    private static final Pattern EXPRESSION = Pattern.compile("[$*]\\{([^}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("(?<![#\\w.'])([A-Za-z_]\\w*)((?:\\.[A-Za-z_]\\w*)*)");
    private static final Pattern EACH = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*(?:,\\s*[A-Za-z_]\\w*\\s*)?:\\s*\\$\\{\\s*([\\w.]+)\\s*}\\s*$");
    private static final Set<String> LITERALS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt",
            "le", "ge", "instanceof", "new", "T");

    private TemplateCheck() {}

    /**
     * @param folder the templates folder
     * @return one line per problem; empty when the templates are fine
     * @throws IOException when the folder cannot be listed or a file read
     */
    public static List<String> check(Path folder) throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.list(folder)) {
            templates = files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html"))
                    .sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            problems.addAll(checkFile(template));
        }
        if (problems.isEmpty() && templates.stream().anyMatch(t -> t.getFileName().toString().equals(HtmlRenderer.BRIEFING_TEMPLATE))) {
            problems.addAll(render(folder));
        }
        return problems;
    }

    private static List<String> checkFile(Path template) throws IOException {
        String text = Files.readString(template);
        List<String> problems = new ArrayList<>();
        Map<String, Object> known = knownVariables();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.newSAXParser().parse(new InputSource(new StringReader(text)), new Checker(template, known, problems));
        } catch (SAXParseException e) {
            problems.add(template + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": not well-formed XHTML: " + e.getMessage());
        } catch (Exception e) {
            problems.add(template + ":1:1: cannot check: " + e.getMessage());
        }
        return problems;
    }

    /** Renders the briefing template once, so that what only Thymeleaf notices is reported too. */
    private static List<String> render(Path folder) {
        Briefing sample = HtmlRenderer.sampleBriefing();
        RunLog.Recorder warnings = new RunLog.Recorder();
        try {
            new HtmlRenderer(new TemplateFolder(folder), warnings).render(sample);
            return warnings.messages(RunEvent.Warning.class).stream().map(warning -> folder.resolve(HtmlRenderer.BRIEFING_TEMPLATE) + ":1:1: " + warning).toList();
        } catch (RenderException e) {
            TemplateProcessingException located = null;
            String detail = null;
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof TemplateProcessingException thymeleaf) {
                    if (located == null && thymeleaf.getLine() != null) {
                        located = thymeleaf;
                    }
                    detail = thymeleaf.getMessage();
                }
            }
            if (located != null) {
                String message = detail.replaceAll("\\s*\\(template: .*\\)\\s*$", "").replaceAll("\\s+", " ");
                return List.of(folder.resolve(HtmlRenderer.BRIEFING_TEMPLATE) + ":" + located.getLine() + ":"
                        + located.getCol() + ": " + message);
            }
            return List.of(folder.resolve(HtmlRenderer.BRIEFING_TEMPLATE) + ":1:1: " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** The variables a template may read, by name, with a sample value that shows their properties. */
    static Map<String, Object> knownVariables() {
        Map<String, Object> known = new HashMap<>();
        known.put("briefing", HtmlRenderer.sampleView());
        return known;
    }

    /** Walks the template, tracking loop variables, and checks every expression it meets. */
    private static final class Checker extends DefaultHandler {

        private final Path file;
        private final Map<String, Object> known;
        private final List<String> problems;
        private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
        private Locator locator;

        Checker(Path file, Map<String, Object> known, List<String> problems) {
            this.file = file;
            this.known = known;
            this.problems = problems;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) {
            Map<String, Object> scope = new HashMap<>();
            String each = attributes.getValue("th:each");
            if (each != null) {
                Matcher loop = EACH.matcher(each);
                if (!loop.matches()) {
                    report("th:each=\"" + each + "\" is not of the form \"name : ${list}\"");
                } else {
                    Object list = resolve(loop.group(2), visible());
                    scope.put(loop.group(1), list instanceof List<?> items && !items.isEmpty() ? items.get(0) : null);
                }
            }
            scopes.push(scope);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getQName(i);
                if (attribute.startsWith("th:") && !attribute.equals("th:each")) {
                    checkExpressions(attribute, attributes.getValue(i));
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            scopes.pop();
        }

        private Map<String, Object> visible() {
            Map<String, Object> all = new HashMap<>(known);
            List<Map<String, Object>> inner = new ArrayList<>(scopes);
            java.util.Collections.reverse(inner);
            inner.forEach(all::putAll);
            return all;
        }

        private void checkExpressions(String attribute, String value) {
            if (value.chars().filter(c -> c == '{').count() != value.chars().filter(c -> c == '}').count()) {
                report(attribute + "=\"" + value + "\": unbalanced braces");
                return;
            }
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                String body = expression.group(1).replaceAll("'[^']*'", "''");
                Matcher reference = REFERENCE.matcher(body);
                while (reference.find()) {
                    resolve(reference.group(1) + reference.group(2), visible());
                }
            }
        }

        /** Follows a chain such as {@code story.outlets} through the sample values, reporting what is missing. */
        private Object resolve(String chain, Map<String, Object> variables) {
            String[] parts = chain.split("\\.");
            String root = parts[0];
            if (LITERALS.contains(root) || root.matches("\\d.*")) {
                return null;
            }
            if (!variables.containsKey(root)) {
                report("unknown variable '" + root + "' (known here: " + String.join(", ", new TreeSet<>(variables.keySet())) + ")");
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
                    report("unknown variable '" + path + "." + parts[i] + "' (known: " + String.join(", ", names) + ")");
                    return null;
                }
                value = properties.get(parts[i]);
                path = path + "." + parts[i];
            }
            return value;
        }

        private void report(String message) {
            problems.add(file + ":" + locator.getLineNumber() + ":" + locator.getColumnNumber() + ": " + message);
        }
    }
}
