package org.newsbrief.render;

import java.util.Locale;

/** The PDF's page size. */
public enum Paper {
    A4("A4"), LETTER("letter");

    private final String cssName;

    Paper(String cssName) {
        this.cssName = cssName;
    }

    /** @return the size as CSS {@code @page { size: ... }} writes it */
    public String cssName() {
        return cssName;
    }

    /**
     * @param name {@code A4} or {@code letter}, in any case
     * @return the size
     * @throws IllegalArgumentException when it is neither
     */
    public static Paper named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "letter" -> LETTER;
            default -> throw new IllegalArgumentException("must be A4 or letter, was '" + name + "'");
        };
    }
}
