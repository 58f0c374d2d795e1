package org.newsbrief.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and manners for fetching from the web.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a whole response may take, headers and body
 * @param maxRedirects redirects followed before giving up
 * @param maxBytes the largest document accepted, after decompression
 * @param allowPrivateNetwork whether every loopback and private address may be fetched, all or
 *     nothing; link-local addresses (cloud metadata) stay refused unless listed by address
 * @param allowedHosts host names, {@code *.domain} suffixes, addresses and ranges that may be
 *     fetched although not public; see {@link AllowedHosts}
 * @param userAgent the {@code User-Agent} header sent
 * @param perHost requests to one host at a time
 * @param cacheFolder where validators and bodies are kept for conditional requests, or
 *     {@code null} for no cache
 * @param followLinks whether a feed item that is only a teaser is read from its linked page
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, int maxRedirects, long maxBytes,
        boolean allowPrivateNetwork, List<String> allowedHosts, String userAgent, int perHost, Path cacheFolder,
        boolean followLinks) {

    /** The default document size limit: 5 MB. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        allowedHosts = List.copyOf(allowedHosts);
        AllowedHosts.of(allowPrivateNetwork, allowedHosts);
        if (maxRedirects < 0 || maxBytes < 1 || perHost < 1) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, maxBytes and perHost >= 1");
        }
    }

    /** @return ten-second connect, thirty-second read, 5 redirects, 5 MB, public addresses only, no cache */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, DEFAULT_MAX_BYTES, false, List.of(),
                "newsbrief/0.1 (news briefing generator)", 2, null, false);
    }

    /** @return these settings with private addresses allowed or not */
    public FetchSettings withPrivateNetwork(boolean allowed) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, allowed, allowedHosts, userAgent, perHost,
                cacheFolder, followLinks);
    }

    /**
     * @param hosts host names, {@code *.domain} suffixes, addresses and ranges that may be private
     * @return these settings with that allow-list
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public FetchSettings withAllowedHosts(List<String> hosts) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, allowPrivateNetwork, hosts,
                userAgent, perHost, cacheFolder, followLinks);
    }

    /** @return the allow-list these settings describe */
    public AllowedHosts access() {
        return AllowedHosts.of(allowPrivateNetwork, allowedHosts);
    }

    /** @return these settings with another read timeout */
    public FetchSettings withReadTimeout(Duration timeout) {
        return new FetchSettings(connectTimeout, timeout, maxRedirects, maxBytes, allowPrivateNetwork, allowedHosts, userAgent,
                perHost, cacheFolder, followLinks);
    }

    /** @return these settings with another size limit */
    public FetchSettings withMaxBytes(long bytes) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, bytes, allowPrivateNetwork, allowedHosts, userAgent,
                perHost, cacheFolder, followLinks);
    }

    /** @return these settings with teaser feed items read from their linked pages, or not */
    public FetchSettings withFollowLinks(boolean follow) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, allowPrivateNetwork, allowedHosts, userAgent,
                perHost, cacheFolder, follow);
    }

    /** @return these settings with a conditional-request cache in the folder */
    public FetchSettings withCache(Path folder) {
        return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, allowPrivateNetwork, allowedHosts, userAgent,
                perHost, folder, followLinks);
    }
}
