package org.newsbrief.ingest;

import java.net.URI;
import java.util.Objects;

/**
 * A document fetched from the web.
 *
 * @param uri where it was finally found, after redirects
 * @param body its bytes, decompressed
 * @param contentType the {@code Content-Type} header, or an empty string
 * @param fromCache whether the server said it was unchanged and the cached copy was used
 */
record Fetched(URI uri, byte[] body, String contentType, boolean fromCache) {

    public Fetched {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        contentType = contentType == null ? "" : contentType;
    }

    /** @return the charset the server declared, or {@code null} */
    public String declaredCharset() {
        for (String part : contentType.split(";")) {
            String trimmed = part.strip();
            if (trimmed.toLowerCase(java.util.Locale.ROOT).startsWith("charset=")) {
                return trimmed.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }
}
