package org.newsbrief.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.newsbrief.internal.Hashing;
import org.newsbrief.internal.Sleeper;

/**
 * Fetches documents over HTTP(S), defensively: only {@code http} and {@code https}; each host
 * resolved once per request, its addresses checked against the {@link AllowedHosts}, and the
 * connection made to exactly those addresses, so a name that answers differently the second time
 * (DNS rebinding) cannot lead elsewhere; redirects followed by hand (each hop resolved and checked
 * by its own host, at most a set number, loops detected); responses bounded in time (headers and
 * body together) and in size, also after gzip decompression; a polite {@code User-Agent}; a limit
 * on requests per host. With a cache folder, {@code ETag} and {@code Last-Modified} are sent back,
 * so an unchanged feed is not downloaded again.
 */
public final class HttpFetcher {

    /** Turns a host name into addresses; the fetcher asks once per request and connects only to the answer. */
    @FunctionalInterface
    public interface Resolver {

        /** The system's resolver. */
        Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));

        /**
         * @param host a host name, never an address literal
         * @return its addresses
         * @throws UnknownHostException when it has none
         */
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final FetchSettings settings;
    private final AllowedHosts access;
    private final Resolver resolver;
    private final OkHttpClient client;
    private final Sleeper deadline;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /**
     * @param settings limits and manners
     */
    public HttpFetcher(FetchSettings settings) {
        this(settings, Resolver.SYSTEM, SocketFactory.getDefault());
    }

    /**
     * @param settings limits and manners
     * @param resolver answers for host names
     * @param sockets makes the sockets connections are made with
     */
    HttpFetcher(FetchSettings settings, Resolver resolver, SocketFactory sockets) {
        this(settings, resolver, sockets, Sleeper.real());
    }

    /**
     * @param settings limits and manners
     * @param resolver answers for host names
     * @param sockets makes the sockets connections are made with
     * @param deadline waits out each exchange's read timeout; when it returns, the exchange is cut off
     */
    HttpFetcher(FetchSettings settings, Resolver resolver, SocketFactory sockets, Sleeper deadline) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.access = settings.access();
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.client = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                // no timer per read or write: the deadline below bounds the whole exchange, body included, so a
                // server dripping one byte a second is cut off, and a second timer of the same length would only
                // race it and report the same timeout in other words
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .followRedirects(false)
                .followSslRedirects(false)
                // a proxy would resolve the name itself, out of reach of the address check
                .proxy(Proxy.NO_PROXY)
                // every request is pinned to its own checked addresses, so no connection is reused across them
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .socketFactory(Objects.requireNonNull(sockets, "sockets"))
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
            Exchange exchange = exchange(uri, url);
            int status = exchange.status();
            if (status >= 300 && status < 400 && status != 304) {
                String location = exchange.header("location").orElseThrow(
                        () -> new FetchException(url + ": HTTP " + status + " without a Location", false));
                if (redirects == settings.maxRedirects()) {
                    throw new FetchException(url + ": more than " + settings.maxRedirects() + " redirects", false);
                }
                URI next;
                try {
                    next = uri.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException(url + ": HTTP " + status + " to an invalid address: " + location.strip(), false, e);
                }
                uri = parse(next.toString());
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

    static boolean isPrivate(InetAddress address) {
        return AddressKind.of(address) != AddressKind.PUBLIC;
    }

    /**
     * The addresses of a host, looked up once. Literals are read without a lookup, as the client
     * reads them; a dotted form other than four decimal parts is refused rather than guessed at,
     * since resolvers and browsers disagree on what {@code 0x7f.1} or {@code 127.1} mean.
     */
    private List<InetAddress> resolve(String host, String url) {
        try {
            if (host.indexOf(':') >= 0) {
                return List.of(InetAddress.getByName(host));
            }
            if (host.matches("[0-9.]+")) {
                if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    throw new FetchException(url + ": " + host + " is not an address in the usual a.b.c.d form", false);
                }
                return List.of(InetAddress.getByName(host));
            }
            List<InetAddress> addresses = List.copyOf(resolver.resolve(host));
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new FetchException(url + ": host not found: " + host, true, e);
        }
    }

    private record Exchange(int status, Headers headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    private Exchange exchange(URI uri, String url) {
        HttpUrl target = HttpUrl.get(uri);
        if (target == null) {
            throw new FetchException(url + ": not a valid URL", false);
        }
        String host = target.host();
        List<InetAddress> addresses = resolve(host, url);
        access.check(url, host, addresses);
        OkHttpClient pinned = client.newBuilder().dns(asked -> {
            if (!asked.equalsIgnoreCase(host)) {
                throw new UnknownHostException(asked + " was not checked");
            }
            return addresses;
        }).build();
        Request.Builder request = new Request.Builder().url(target)
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml,"
                        + " application/xml;q=0.9, */*;q=0.5")
                // asked for by name, so the client leaves the body compressed for the bounded inflater below
                .header("Accept-Encoding", "gzip")
                .get();
        validators(uri).forEach(request::header);
        Semaphore perHost = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(settings.perHost()));
        Call call = pinned.newCall(request.build());
        try {
            perHost.acquire();
            try {
                CompletableFuture<Exchange> result = new CompletableFuture<>();
                call.enqueue(new Callback() {
                    @Override
                    public void onFailure(Call failed, IOException e) {
                        result.completeExceptionally(e);
                    }

                    @Override
                    public void onResponse(Call done, Response response) {
                        try (response) {
                            result.complete(new Exchange(response.code(), response.headers(), limited(response)));
                        } catch (IOException | RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    }
                });
                Thread watch = watch(call, result);
                try {
                    return result.get();
                } finally {
                    watch.interrupt();
                }
            } finally {
                perHost.release();
            }
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new FetchException(url + ": interrupted", true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetch) {
                throw new FetchException(url + ": " + fetch.getMessage(), fetch.isRetryable(), fetch);
            }
            if (cause instanceof DeadlinePassed) {
                throw new FetchException(url + ": no complete answer within " + settings.readTimeout().toSeconds() + " s",
                        true, cause);
            }
            throw new FetchException(url + ": " + describe(cause), true, cause);
        }
    }

    /** Marks an exchange its deadline ended, whatever the client reports after the cancel. */
    private static final class DeadlinePassed extends IOException {
        DeadlinePassed() {
            super("deadline passed");
        }
    }

    /**
     * Starts the deadline of one exchange: when the read timeout has passed, the exchange fails and
     * its call is cancelled, which closes the connection. The failure is settled before the cancel,
     * so the caller's wait ends at the deadline even if the client never reports back.
     *
     * @return the watching thread, to interrupt once the exchange is over
     */
    private Thread watch(Call call, CompletableFuture<Exchange> result) {
        Thread watch = new Thread(() -> {
            try {
                deadline.sleep(settings.readTimeout());
            } catch (InterruptedException answeredInTime) {
                return;
            }
            result.completeExceptionally(new DeadlinePassed());
            call.cancel();
        }, "newsbrief-fetch-deadline");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }

    /** Reads a body up to the size limit and stops as soon as it is passed, without reading the rest. */
    private byte[] limited(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null || response.code() >= 300 && response.code() < 400) {
            return new byte[0];
        }
        long limit = settings.maxBytes();
        long declared = body.contentLength();
        if (declared > limit) {
            throw new FetchException("declared size " + declared + " bytes is over the " + limit + "-byte limit", false);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (InputStream in = body.byteStream()) {
            byte[] chunk = new byte[16384];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                buffer.write(chunk, 0, read);
                if (buffer.size() > limit) {
                    throw new FetchException("body is over the " + limit + "-byte limit", false);
                }
            }
        }
        return buffer.toByteArray();
    }

    /** A connection the server closed before its answer was whole: no headers, or less body than announced. */
    private static final String CUT_SHORT = "connection closed before the answer was complete";

    /**
     * Names what went wrong in the words a user can act on, from the exception's type, or where
     * the JDK only has one type for several causes, from the system's message it carries.
     */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "host not found";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "connection timed out";
            }
            if (cause instanceof EOFException) {
                return CUT_SHORT;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause instanceof ProtocolException && message.contains("unexpected end of stream")) {
                return CUT_SHORT;
            }
            if (cause instanceof SocketException) {
                if (message.contains("network is unreachable") || message.contains("network unreachable")) {
                    return "network unreachable";
                }
                if (message.contains("host is unreachable") || message.contains("no route")) {
                    return "no route to host";
                }
                if (message.contains("refused")) {
                    return "connection refused";
                }
                if (message.contains("timed out")) {
                    return "connection timed out";
                }
                if (message.contains("reset")) {
                    return "connection reset";
                }
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "could not connect";
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
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
            // A cache that cannot be written is the operator's to fix; this source is skipped with that
            // said, rather than the whole run stopped.
            throw new FetchException("cannot write the fetch cache in " + settings.cacheFolder() + ": " + e, false, e);
        }
    }

    private Path cacheFile(URI uri, String suffix) {
        return settings.cacheFolder().resolve(Hashing.sha256Hex(uri.toString()) + suffix);
    }
}
