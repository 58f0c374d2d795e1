package org.newsbrief.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The files a briefing can be written as, in the order they are written. */
public enum Format {
    PDF, HTML, MD, TXT, JSON;

    /** @return the file name extension and the name users write: {@code pdf}, {@code md}, ... */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a format as users write it, in any case
     * @return the format
     * @throws IllegalArgumentException naming the known formats when there is none of that name
     */
    public static Format named(String name) {
        for (Format format : values()) {
            if (format.extension().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (known: " + known() + ")");
    }

    /** @return the names of all formats, comma-separated */
    public static String known() {
        return Arrays.stream(values()).map(Format::extension).collect(Collectors.joining(", "));
    }
}
