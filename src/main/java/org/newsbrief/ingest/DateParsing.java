package org.newsbrief.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the publication dates that articles carry, in the formats sites and feeds use. */
final class DateParsing {

    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM uuuu", Locale.ENGLISH));

    private DateParsing() {}

    /**
     * @param value a date such as {@code 2026-11-24}, {@code 2026-11-24T07:30:00Z},
     *     {@code 24 November 2026} or {@code November 24, 2026}
     * @return the date, or {@code null} when the value is blank or not a date we know
     */
    static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        Matcher iso = ISO_PREFIX.matcher(trimmed);
        if (iso.find()) {
            try {
                return LocalDate.parse(iso.group(1));
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        String withoutTime = trimmed.replaceAll("\\s+\\d{1,2}:\\d{2}.*$", "");
        for (DateTimeFormatter format : WRITTEN) {
            try {
                return LocalDate.parse(withoutTime, format);
            } catch (DateTimeParseException tryNext) {
                // several formats are in use; the next one may fit
            }
        }
        return null;
    }
}
