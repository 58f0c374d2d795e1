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

    /**
     * @param address a resource address as a template or stylesheet writes it ({@code src},
     *     {@code href}, {@code url(...)}, {@code @import})
     * @return whether it names something outside the templates folder: a remote address such as
     *     {@code https://...} or {@code //host/...}, an absolute path, another scheme, or a path
     *     that climbs out with {@code ..}; a {@code #fragment} and a {@code data:} address stay inside
     */
    static boolean leavesFolder(String address) {
        String written = address.strip();
        if (written.isEmpty() || written.startsWith("#")) {
            return false;
        }
        if (written.startsWith("/") || written.startsWith("\\")) {
            return true;
        }
        if (written.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return !written.regionMatches(true, 0, "data:", 0, 5);
        }
        for (String part : written.split("[/\\\\]")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param address an address for which {@link #leavesFolder} holds
     * @return whether it is a web address, which would be fetched over the network
     */
    static boolean isRemote(String address) {
        String written = address.strip().toLowerCase(java.util.Locale.ROOT);
        return written.startsWith("//") || written.startsWith("http:") || written.startsWith("https:")
                || written.startsWith("ftp:");
    }

    private static boolean isPlainName(String name) {
        return name != null && !name.isBlank() && !name.contains("..") && !name.startsWith("/")
                && !name.contains(":") && !name.contains("\\");
    }
}
