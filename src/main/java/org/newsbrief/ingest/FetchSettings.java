package org.newsbrief.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and manners for fetching from the web.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a whole response may take, headers and body
 * @param maxRedirects redirects followed before giving up
 * @param maxBytes the largest document accepted, after decompression
 * @param allowPrivateNetwork whether loopback, link-local and private addresses may be fetched
 * @param userAgent the {@code User-Agent} header sent
 * @param perHost requests to one host at a time
 * @param cacheFolder where validators and bodies are kept for conditional requests, or
 *     {@code null} for no cache
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, int maxRedirects, long maxBytes,
        boolean allowPrivateNetwork, String userAgent, int perHost, Path cacheFolder) {

    /** The default document size limit: 5 MB. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxRedirects < 0 || maxBytes < 1 || perHost < 1) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, maxBytes and perHost >= 1");
        }
    }

    /** @return ten-second connect, thirty-second read, 5 redirects, 5 MB, public addresses only, no cache */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, DEFAULT_MAX_BYTES, false,
                "newsbrief/0.1 (news briefing generator)", 2, null);
    }

    /** @return these settings with private addresses allowed or not */
    public FetchSettings withPrivateNetwork(boolean allowed) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, allowed, userAgent, perHost,
                cacheFolder);
    }

    /** @return these settings with another read timeout */
    public FetchSettings withReadTimeout(Duration timeout) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, allowPrivateNetwork, userAgent,
                perHost, cacheFolder);
    }

    /** @return these settings with another size limit */
    public FetchSettings withMaxBytes(long bytes) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, bytes, allowPrivateNetwork, userAgent,
                perHost, cacheFolder);
    }

    /** @return these settings with a conditional-request cache in the folder */
    public FetchSettings withCache(Path folder) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, allowPrivateNetwork, userAgent,
                perHost, folder);
    }
}
