package org.newsbrief.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where templates and their stylesheets are read from: an editable folder first, file by file,
 * then the built-in copies on the classpath. Files are read on every render, so an edit shows up
 * in the next run without a rebuild.
 */
public final class TemplateFolder {

    static final String BUILT_IN = "org/newsbrief/templates/";

    private final Path folder;

    /**
     * @param folder the editable templates folder, or {@code null} to use only the built-in ones
     */
    public TemplateFolder(Path folder) {
        this.folder = folder;
    }

    /** @return the editable folder, if one is set */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * @param name a file name relative to the templates folder, such as {@code briefing.css}
     * @return the file's text, from the folder or else the built-in copy; empty when neither exists
     *     or the name tries to leave the folder
     * @throws RenderException when the file exists but cannot be read
     */
    public Optional<String> read(String name) {
        if (!isPlainName(name)) {
            return Optional.empty();
        }
        if (folder != null) {
            Path file = folder.resolve(name).normalize();
            if (file.startsWith(folder.normalize()) && Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new RenderException("cannot read template file " + file + ": " + e.getMessage(), e);
                }
            }
        }
        try (InputStream in = TemplateFolder.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RenderException("cannot read built-in template " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param name a template name
     * @return where it would be read from, for messages
     */
    public String describe(String name) {
        if (folder != null && Files.isRegularFile(folder.resolve(name))) {
            return folder.resolve(name).toString();
        }
        return "built-in " + name;
    }

    private static boolean isPlainName(String name) {
        return name != null && !name.isBlank() && !name.contains("..") && !name.startsWith("/")
                && !name.contains(":") && !name.contains("\\");
    }
}
