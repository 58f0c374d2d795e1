package org.newsbrief.render;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a briefing is rendered.
 *
 * @param templates the folder templates are read from first, or {@code null} for the built-in set only
 * @param formats the files to write
 * @param paper the PDF's page size
 */
public record RenderSettings(Path templates, Set<Format> formats, Paper paper) {

    public RenderSettings {
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(paper, "paper");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("formats must name at least one format");
        }
        formats = Set.copyOf(formats);
    }

    /** @return the built-in templates, PDF and HTML, on A4 */
    public static RenderSettings defaults() {
        return new RenderSettings(null, EnumSet.of(Format.PDF, Format.HTML), Paper.A4);
    }

    /** @return the folder templates are read from, with the built-in set behind it */
    public TemplateFolder folder() {
        return new TemplateFolder(templates);
    }
}
