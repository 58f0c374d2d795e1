package org.newsbrief.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches documents over HTTP(S) with the JDK's client, defensively: only {@code http} and
 * {@code https}; hosts that resolve to loopback, link-local or private addresses refused unless
 * allowed; redirects followed by hand (each hop checked, at most a set number, loops detected);
 * responses bounded in time and in size, also after gzip decompression; a polite
 * {@code User-Agent}; a limit on requests per host. With a cache folder, {@code ETag} and
 * {@code Last-Modified} are sent back, so an unchanged feed is not downloaded again.
 */
public final class HttpFetcher {

    private final FetchSettings settings;
    private final HttpClient client;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /**
     * @param settings limits and manners
     */
    public HttpFetcher(FetchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the settings in force */
    public FetchSettings settings() {
        return settings;
    }

    /**
     * @param url an {@code http} or {@code https} address
     * @return the document
     * @throws FetchException naming the URL and saying whether a retry may help
     */
    public Fetched fetch(String url) {
        URI uri = parse(url);
        Set<URI> visited = new HashSet<>();
        for (int redirects = 0; ; redirects++) {
            if (!visited.add(uri)) {
                throw new FetchException(url + ": redirect loop at " + uri, false);
            }
            checkAddress(uri, url);
            Exchange exchange = exchange(uri, url);
            int status = exchange.status();
            if (status >= 300 && status < 400 && status != 304) {
                String location = exchange.header("location").orElseThrow(
                        () -> new FetchException(url + ": HTTP " + status + " without a Location", false));
                if (redirects == settings.maxRedirects()) {
                    throw new FetchException(url + ": more than " + settings.maxRedirects() + " redirects", false);
                }
                uri = parse(uri.resolve(location.strip()).toString());
                continue;
            }
            if (status == 304) {
                return cached(uri).orElseThrow(
                        () -> new FetchException(url + ": server said unchanged, but nothing is cached", true));
            }
            if (status >= 400) {
                boolean retryable = status >= 500 || status == 408 || status == 429;
                throw new FetchException(url + ": HTTP " + status, retryable);
            }
            byte[] body = decode(exchange, url);
            String contentType = exchange.header("content-type").orElse("");
            store(uri, exchange, body, contentType);
            return new Fetched(uri, body, contentType, false);
        }
    }

    /**
     * @param url an address as the user gave it
     * @return it as a URI
     * @throws FetchException when it is not an absolute {@code http} or {@code https} URL
     */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchException(url + ": not a valid URL", false, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(url + ": only http and https addresses are fetched", false);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new FetchException(url + ": the address has no host", false);
        }
        return uri;
    }

    private void checkAddress(URI uri, String url) {
        if (settings.allowPrivateNetwork()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(url + ": unknown host " + uri.getHost(), true, e);
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new FetchException(url + ": refused, " + uri.getHost() + " is a loopback, link-local or private"
                        + " address (allow it with --allow-private-network)", false);
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean carrierGrade = raw.length == 4 && (raw[0] & 0xFF) == 100 && (raw[1] & 0xC0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (raw[0] & 0xFE) == 0xFC;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || carrierGrade || uniqueLocal;
    }

    private record Exchange(int status, HttpResponse.ResponseInfo info, byte[] body) {
        Optional<String> header(String name) {
            return info.headers().firstValue(name);
        }
    }

    private Exchange exchange(URI uri, String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml,"
                        + " application/xml;q=0.9, */*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .GET();
        validators(uri).forEach(request::header);
        Semaphore host = hosts.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), h -> new Semaphore(settings.perHost()));
        try {
            host.acquire();
            try {
                HttpResponse.ResponseInfo[] info = new HttpResponse.ResponseInfo[1];
                CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request.build(), responseInfo -> {
                    info[0] = responseInfo;
                    return new LimitedBody(settings.maxBytes(), responseInfo);
                });
                try {
                    HttpResponse<byte[]> done = response.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    return new Exchange(done.statusCode(), info[0], done.body());
                } catch (TimeoutException e) {
                    response.cancel(true);
                    throw new FetchException(url + ": no complete answer within " + settings.readTimeout().toSeconds()
                            + " s", true, e);
                }
            } finally {
                host.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url + ": interrupted", true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetch) {
                throw new FetchException(url + ": " + fetch.getMessage(), fetch.isRetryable(), fetch);
            }
            if (cause instanceof HttpTimeoutException) {
                // the client's own timer can fire before ours; the user sees one message either way
                throw new FetchException(url + ": no complete answer within " + settings.readTimeout().toSeconds() + " s",
                        true, cause);
            }
            throw new FetchException(url + ": " + describe(cause), true, cause);
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private byte[] decode(Exchange exchange, String url) {
        String encoding = exchange.header("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return exchange.body();
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException(url + ": unsupported content encoding " + encoding, false);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(exchange.body()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                if (out.size() > settings.maxBytes()) {
                    throw new FetchException(url + ": larger than " + settings.maxBytes() + " bytes once decompressed", false);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException(url + ": broken gzip body: " + e.getMessage(), false, e);
        }
    }

    /** Collects a body up to a size limit and fails as soon as it is passed, without reading the rest. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long limit, HttpResponse.ResponseInfo info) {
            this.limit = limit;
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > limit) {
                result.completeExceptionally(new FetchException("declared size " + declared + " bytes is over the "
                        + limit + "-byte limit", false));
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (result.isDone()) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
            if (buffer.size() > limit && !result.isDone()) {
                result.completeExceptionally(new FetchException("body is over the " + limit + "-byte limit", false));
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }

    private Map<String, String> validators(URI uri) {
        Optional<Properties> meta = cacheMeta(uri);
        if (meta.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new java.util.HashMap<>();
        String etag = meta.get().getProperty("etag");
        String modified = meta.get().getProperty("last-modified");
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (modified != null) {
            headers.put("If-Modified-Since", modified);
        }
        return headers;
    }

    private Optional<Fetched> cached(URI uri) {
        Optional<Properties> meta = cacheMeta(uri);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] body = Files.readAllBytes(cacheFile(uri, ".body"));
            return Optional.of(new Fetched(uri, body, meta.get().getProperty("content-type", ""), true));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Properties> cacheMeta(URI uri) {
        if (settings.cacheFolder() == null) {
            return Optional.empty();
        }
        Path file = cacheFile(uri, ".properties");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(cacheFile(uri, ".body"))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Optional.of(properties);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void store(URI uri, Exchange exchange, byte[] body, String contentType) {
        if (settings.cacheFolder() == null) {
            return;
        }
        Optional<String> etag = exchange.header("etag");
        Optional<String> modified = exchange.header("last-modified");
        if (etag.isEmpty() && modified.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        etag.ifPresent(value -> properties.setProperty("etag", value));
        modified.ifPresent(value -> properties.setProperty("last-modified", value));
        properties.setProperty("content-type", contentType);
        properties.setProperty("uri", uri.toString());
        try {
            Files.createDirectories(settings.cacheFolder());
            Files.write(cacheFile(uri, ".body"), body);
            try (OutputStream out = Files.newOutputStream(cacheFile(uri, ".properties"))) {
                properties.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fetch cache in " + settings.cacheFolder(), e);
        }
    }

    private Path cacheFile(URI uri, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return settings.cacheFolder().resolve(HexFormat.of().formatHex(digest) + suffix);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
