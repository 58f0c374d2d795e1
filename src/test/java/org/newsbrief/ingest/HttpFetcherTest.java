package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsbrief.LoopbackServer;
import org.newsbrief.internal.Sleeper;

/**
 * The fetcher's network defences on loopback: a resolver the test controls stands in for DNS, and
 * a socket factory records where each connection was asked to go before sending it to the
 * loopback server, so no test reaches past this machine.
 */
@Timeout(60)
class HttpFetcherTest {

    private static final String PAGE = "<html><body><p>Checked page.</p></body></html>";
    /** Any loopback address may be fetched: the faults are served on one. */
    private static final FetchSettings OPEN = FetchSettings.defaults().withPrivateNetwork(true);

    private LoopbackServer server;
    private int port;
    private final AtomicInteger pageHits = new AtomicInteger();
    private final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer().handle("/page.html", exchange -> {
            pageHits.incrementAndGet();
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        port = URI.create(server.base()).getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Records each destination and connects to the loopback server instead, whatever was asked. */
    private SocketFactory recordingSockets() {
        return sockets(endpoint -> {
            connections.add(endpoint);
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        });
    }

    /** Where a connection asked for one place really goes, or the failure the kernel would report. */
    @FunctionalInterface
    private interface Route {
        SocketAddress to(InetSocketAddress asked) throws IOException;
    }

    private static SocketFactory sockets(Route route) {
        return sockets(route, bytes -> { });
    }

    /** As {@link #sockets(Route)}, telling how many bytes each read from the server brought. */
    private static SocketFactory sockets(Route route, LongConsumer received) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        super.connect(route.to((InetSocketAddress) endpoint), timeout);
                    }

                    @Override
                    public InputStream getInputStream() throws IOException {
                        return new FilterInputStream(super.getInputStream()) {
                            @Override
                            public int read(byte[] buffer, int offset, int length) throws IOException {
                                int read = super.read(buffer, offset, length);
                                received.accept(Math.max(read, 0));
                                return read;
                            }
                        };
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return createSocket(InetAddress.getByName(host), port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket socket = createSocket();
                socket.connect(new InetSocketAddress(host, port));
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
                return createSocket(address, port);
            }
        };
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A resolver with a fixed table. */
    private static HttpFetcher.Resolver table(Map<String, String> names) {
        return host -> {
            String answer = names.get(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            return List.of(address(answer));
        };
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsNotFollowedThere() {
        AtomicInteger asked = new AtomicInteger();
        // first answer public, every later one loopback: the classic rebinding attack
        HttpFetcher.Resolver rebinding = host -> List.of(address(asked.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1"));
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults(), rebinding, recordingSockets());

        Fetched fetched = fetcher.fetch(url("rebind.example", "/page.html"));

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).contains("Checked page.");
        assertThat(asked.get()).as("lookups").isEqualTo(1);
        assertThat(connections).extracting(endpoint -> endpoint.getAddress().getHostAddress())
                .containsOnly("93.184.216.34");
    }

    @Test
    void anAllowedHostReachesItsPrivateAddressAndNoOtherHostDoes() {
        FetchSettings settings = FetchSettings.defaults().withAllowedHosts(List.of("intranet.example", "*.corp.example"));
        HttpFetcher fetcher = new HttpFetcher(settings, table(Map.of("intranet.example", "127.0.0.1",
                "wiki.corp.example", "10.0.0.7", "corp.example", "10.0.0.8", "other.example", "127.0.0.1")),
                recordingSockets());

        assertThat(fetcher.fetch(url("intranet.example", "/page.html")).body()).isNotEmpty();
        assertThat(fetcher.fetch(url("wiki.corp.example", "/page.html")).body()).isNotEmpty();
        assertThatThrownBy(() -> fetcher.fetch(url("corp.example", "/page.html")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("corp.example is a loopback, private or reserved address (10.0.0.8)");
        assertThatThrownBy(() -> fetcher.fetch(url("other.example", "/page.html")))
                .isInstanceOf(FetchException.class)
                .hasMessage(url("other.example", "/page.html") + ": refused, other.example is a loopback, private or"
                        + " reserved address (127.0.0.1); allow it with --allow-host other.example or --allow-private-network");
        assertThat(connections).extracting(endpoint -> endpoint.getAddress().getHostAddress())
                .containsExactly("127.0.0.1", "10.0.0.7");
        assertThat(pageHits.get()).isEqualTo(2);
    }

    @Test
    void aRedirectFromAnAllowedHostToAnotherPrivateHostIsRefused() {
        server.redirect("/hop", url("other.example", "/page.html"));
        FetchSettings settings = FetchSettings.defaults().withAllowedHosts(List.of("intranet.example"));
        HttpFetcher fetcher = new HttpFetcher(settings,
                table(Map.of("intranet.example", "127.0.0.1", "other.example", "127.0.0.1")), recordingSockets());

        assertThatThrownBy(() -> fetcher.fetch(url("intranet.example", "/hop")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("refused, other.example is a loopback, private or reserved address");
        assertThat(pageHits.get()).isZero();
    }

    @Test
    void cloudMetadataStaysRefusedWithThePrivateNetworkAllowedAndThroughAnAllowedName() {
        FetchSettings everything = FetchSettings.defaults().withPrivateNetwork(true)
                .withAllowedHosts(List.of("metadata.example"));
        HttpFetcher fetcher = new HttpFetcher(everything, table(Map.of("metadata.example", "169.254.169.254")),
                recordingSockets());
        int hop = 0;
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/",
                "http://[::ffff:169.254.169.254]/", "http://[::169.254.169.254]/", "http://[64:ff9b::a9fe:a9fe]/",
                "http://[fe80::1]/", url("metadata.example", "/"))) {
            String path = "/to-metadata-" + hop++;
            server.redirect(path, target);
            assertThatThrownBy(() -> fetcher.fetch(server.base() + path)).as(target)
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("is a link-local or cloud metadata address")
                    .hasMessageContaining("only --allow-host");
        }
        assertThat(connections).extracting(endpoint -> endpoint.getAddress().getHostAddress())
                .doesNotContain("169.254.169.254");
    }

    @Test
    void aMetadataAddressListedByAddressIsReached() {
        FetchSettings settings = FetchSettings.defaults().withAllowedHosts(List.of("169.254.169.254"));
        HttpFetcher fetcher = new HttpFetcher(settings, HttpFetcher.Resolver.SYSTEM, recordingSockets());

        assertThat(fetcher.fetch("http://169.254.169.254:" + port + "/page.html").body()).isNotEmpty();
        assertThat(connections).extracting(endpoint -> endpoint.getAddress().getHostAddress())
                .containsExactly("169.254.169.254");
    }

    @Test
    void addressesWrittenInDisguiseAreRefused() {
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults(), HttpFetcher.Resolver.SYSTEM, recordingSockets());
        for (String host : List.of("[::127.0.0.1]", "[::ffff:127.0.0.1]", "[::ffff:0:7f00:1]", "[64:ff9b::7f00:1]",
                "[64:ff9b:1::a00:1]", "[2002:7f00:1::]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "[fd12::1]",
                "0.0.0.0", "100.64.0.1", "[::]", "224.0.0.1", "255.255.255.255")) {
            assertThatThrownBy(() -> fetcher.fetch("http://" + host + ":" + port + "/page.html")).as(host)
                    .isInstanceOf(FetchException.class).hasMessageContaining("refused");
        }
        // short and numeric forms that resolvers and browsers read differently are not guessed at
        for (String host : List.of("127.1", "2130706433", "0177.0.0.1.5")) {
            String url = "http://" + host + ":" + port + "/page.html";
            assertThatThrownBy(() -> fetcher.fetch(url)).as(host)
                    .isInstanceOf(FetchException.class).hasMessageStartingWith(url + ": ");
        }
        assertThat(connections).isEmpty();
        assertThat(pageHits.get()).isZero();
    }

    @Test
    void failuresToConnectAreToldApart() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        FetchSettings open = FetchSettings.defaults().withPrivateNetwork(true);
        HttpFetcher plain = new HttpFetcher(open, HttpFetcher.Resolver.SYSTEM, SocketFactory.getDefault());
        String refused = "http://127.0.0.1:" + closed + "/";
        assertThatThrownBy(() -> plain.fetch(refused)).hasMessage(refused + ": connection refused");

        // what the kernel says when there is no route out is simulated at the socket, as it cannot be made on loopback
        for (Map.Entry<IOException, String> failure : Map.of(
                new SocketException("Network is unreachable"), "network unreachable",
                new NoRouteToHostException("No route to host"), "no route to host",
                new ConnectException("Connection refused"), "connection refused",
                new SocketTimeoutException("Connect timed out"), "connection timed out").entrySet()) {
            HttpFetcher failing = new HttpFetcher(open, HttpFetcher.Resolver.SYSTEM, sockets(endpoint -> {
                throw failure.getKey();
            }));
            String url = server.base() + "/page.html";
            assertThatThrownBy(() -> failing.fetch(url)).as(failure.getValue())
                    .isInstanceOf(FetchException.class).hasMessage(url + ": " + failure.getValue());
        }
        HttpFetcher unknown = new HttpFetcher(open, table(Map.of()), SocketFactory.getDefault());
        assertThatThrownBy(() -> unknown.fetch("http://nowhere.example/"))
                .hasMessage("http://nowhere.example/: host not found: nowhere.example");
    }

    /** A fetcher whose deadline passes only when the test says so. */
    private static HttpFetcher withDeadline(SocketFactory sockets, Sleeper deadline) {
        return new HttpFetcher(OPEN, HttpFetcher.Resolver.SYSTEM, sockets, deadline);
    }

    /** A deadline that passes once the latch is open. */
    private static Sleeper passingWhen(CountDownLatch latch) throws InterruptedException {
        Sleeper deadline = mock(Sleeper.class);
        doAnswer(invocation -> {
            latch.await();
            return null;
        }).when(deadline).sleep(any());
        return deadline;
    }

    private static boolean retryable(Throwable failure) {
        return ((FetchException) failure).isRetryable();
    }

    /**
     * A server that writes exactly the bytes it is given, for answers no well-behaved server
     * sends: it reads one request, writes the reply, and then either hangs up at once or holds
     * the connection until the client hangs up.
     */
    private static final class RawServer implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        /** Opens when the request has been read. */
        final CountDownLatch requested = new CountDownLatch(1);
        /** Opens when the client has closed the connection. */
        final CountDownLatch hungUp = new CountDownLatch(1);

        private RawServer(byte[] reply, boolean hold) throws IOException {
            Thread thread = new Thread(() -> {
                try (Socket client = listener.accept()) {
                    InputStream in = client.getInputStream();
                    for (int matched = 0, c; matched < 4 && (c = in.read()) >= 0; ) {
                        matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
                    }
                    requested.countDown();
                    client.getOutputStream().write(reply);
                    client.getOutputStream().flush();
                    if (hold) {
                        while (in.read() >= 0) {
                            // nothing more comes from a client waiting for its answer
                        }
                        hungUp.countDown();
                    }
                } catch (IOException hangUpByReset) {
                    hungUp.countDown();
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        /** @return a server that writes the reply and hangs up */
        static RawServer closingAfter(String reply) throws IOException {
            return new RawServer(reply.getBytes(StandardCharsets.ISO_8859_1), false);
        }

        /** @return a server that writes the reply and then keeps the connection open without a word more */
        static RawServer stallingAfter(String reply) throws IOException {
            return new RawServer(reply.getBytes(StandardCharsets.ISO_8859_1), true);
        }

        String url() {
            return "http://127.0.0.1:" + listener.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    @Test
    void clientErrorsAreFinalAndServerErrorsMayBeRetried() {
        HttpFetcher fetcher = new HttpFetcher(OPEN);
        for (int status : List.of(400, 403, 404, 410, 408, 429, 500, 502, 503)) {
            server.status("/status-" + status, status);
            String url = server.base() + "/status-" + status;
            boolean worthRetrying = status >= 500 || status == 408 || status == 429;

            assertThatThrownBy(() -> fetcher.fetch(url)).as(url)
                    .isInstanceOf(FetchException.class).hasMessage(url + ": HTTP " + status)
                    .matches(failure -> retryable(failure) == worthRetrying, worthRetrying ? "retryable" : "final");
        }
    }

    @Test
    void aRedirectLoopIsStoppedAtTheFirstAddressSeenTwice() {
        AtomicInteger hops = new AtomicInteger();
        server.handle("/a", exchange -> {
            hops.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/b");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.handle("/b", exchange -> {
            hops.incrementAndGet();
            exchange.getResponseHeaders().add("Location", server.base() + "/a");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        String url = server.base() + "/a";

        assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(url))
                .isInstanceOf(FetchException.class).hasMessage(url + ": redirect loop at " + url)
                .matches(failure -> !retryable(failure), "final");
        assertThat(hops).as("each address asked once").hasValue(2);
    }

    @Test
    void fiveRedirectsAreFollowedAndASixthIsNot() {
        for (int hop = 1; hop < 6; hop++) {
            server.redirect("/hop" + hop, "/hop" + (hop + 1));
        }
        server.redirect("/hop6", "/page.html");
        HttpFetcher fetcher = new HttpFetcher(OPEN);

        Fetched fetched = fetcher.fetch(server.base() + "/hop2");
        assertThat(fetched.uri()).hasToString(server.base() + "/page.html");
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);

        String url = server.base() + "/hop1";
        assertThatThrownBy(() -> fetcher.fetch(url))
                .isInstanceOf(FetchException.class).hasMessage(url + ": more than 5 redirects")
                .matches(failure -> !retryable(failure), "final");
    }

    @Test
    void aRedirectWithoutALocationIsAnError() {
        server.handle("/nowhere", exchange -> {
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        String nowhere = server.base() + "/nowhere";

        assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(nowhere))
                .isInstanceOf(FetchException.class).hasMessage(nowhere + ": HTTP 302 without a Location")
                .matches(failure -> !retryable(failure), "final");
    }

    @Test
    void aRedirectToSomethingThatIsNoAddressIsAFetchFailure() {
        // a space in the host once escaped as an IllegalArgumentException naming neither page nor redirect
        server.redirect("/broken", "http://exa mple.org/page");
        String broken = server.base() + "/broken";

        assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(broken))
                .isInstanceOf(FetchException.class)
                .hasMessage(broken + ": HTTP 302 to an invalid address: http://exa mple.org/page")
                .matches(failure -> !retryable(failure), "final");
    }

    @Test
    void aPublicPageRedirectingToLoopbackOrAFileIsRefusedBeforeAnyConnectionThere() {
        server.redirect("/to-loopback", "http://127.0.0.1:" + port + "/page.html");
        server.redirect("/to-file", "file:///etc/passwd");
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults(), table(Map.of("news.example", "93.184.216.34")),
                recordingSockets());

        String toLoopback = url("news.example", "/to-loopback");
        assertThatThrownBy(() -> fetcher.fetch(toLoopback))
                .isInstanceOf(FetchException.class)
                .hasMessage(toLoopback + ": refused, 127.0.0.1 is a loopback, private or reserved address (127.0.0.1);"
                        + " allow it with --allow-host 127.0.0.1 or --allow-private-network")
                .matches(failure -> !retryable(failure), "final");
        assertThatThrownBy(() -> fetcher.fetch(url("news.example", "/to-file")))
                .isInstanceOf(FetchException.class)
                .hasMessage("file:///etc/passwd: only http and https addresses are fetched");
        assertThat(connections).extracting(endpoint -> endpoint.getAddress().getHostAddress())
                .containsOnly("93.184.216.34");
        assertThat(pageHits).hasValue(0);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        server.serve("/big.html", "text/html", "x".repeat(10_000));
        String url = server.base() + "/big.html";

        assertThatThrownBy(() -> new HttpFetcher(OPEN.withMaxBytes(1_000)).fetch(url))
                .isInstanceOf(FetchException.class)
                .hasMessage(url + ": declared size 10000 bytes is over the 1000-byte limit")
                .matches(failure -> !retryable(failure), "final");
    }

    @Test
    void anEndlessBodyIsCutAtTheLimitAndItsConnectionClosed() throws InterruptedException {
        CountDownLatch writeFailed = new CountDownLatch(1);
        server.handle("/endless", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>more</p>\n".repeat(1_000).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException closedByClient) {
                writeFailed.countDown();
            }
        });
        String url = server.base() + "/endless";

        assertThatThrownBy(() -> new HttpFetcher(OPEN.withMaxBytes(65_536)).fetch(url))
                .isInstanceOf(FetchException.class).hasMessage(url + ": body is over the 65536-byte limit")
                .matches(failure -> !retryable(failure), "final");
        // the server can only stop once the client has closed the connection rather than read on
        writeFailed.await();
    }

    @Test
    void compressedBodiesAreBoundedOnceDecompressedAndBrokenOnesNamed() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[1_000_000]);
        }
        server.handle("/bomb", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.size());
            try (OutputStream out = exchange.getResponseBody()) {
                bomb.writeTo(out);
            }
        });
        server.handle("/not-gzip", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, PAGE.length());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PAGE.getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.handle("/brotli", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "br");
            exchange.sendResponseHeaders(200, PAGE.length());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PAGE.getBytes(StandardCharsets.US_ASCII));
            }
        });
        HttpFetcher fetcher = new HttpFetcher(OPEN.withMaxBytes(65_536));
        assertThat(bomb.size()).as("compressed size").isLessThan(65_536);

        String url = server.base() + "/bomb";
        assertThatThrownBy(() -> fetcher.fetch(url))
                .isInstanceOf(FetchException.class).hasMessage(url + ": larger than 65536 bytes once decompressed");
        assertThatThrownBy(() -> fetcher.fetch(server.base() + "/not-gzip"))
                .isInstanceOf(FetchException.class).hasMessageStartingWith(server.base() + "/not-gzip: broken gzip body: ")
                .matches(failure -> !retryable(failure), "final");
        assertThatThrownBy(() -> fetcher.fetch(server.base() + "/brotli"))
                .isInstanceOf(FetchException.class).hasMessage(server.base() + "/brotli: unsupported content encoding br");
    }

    @Test
    void theContentTypeIsPassedOnAsSentAndAnUnknownCharsetLeftToDecoding() {
        server.handle("/untyped", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.serve("/odd", "text/html; charset=x-no-such-charset", "<p>Caf\u00e9 du Port</p>");
        HttpFetcher fetcher = new HttpFetcher(OPEN);

        Fetched untyped = fetcher.fetch(server.base() + "/untyped");
        assertThat(untyped.contentType()).isEmpty();
        assertThat(untyped.declaredCharset()).isNull();
        assertThat(untyped.body()).isEqualTo(PAGE.getBytes(StandardCharsets.UTF_8));

        Fetched odd = fetcher.fetch(server.base() + "/odd");
        assertThat(odd.contentType()).isEqualTo("text/html; charset=x-no-such-charset");
        assertThat(odd.declaredCharset()).isEqualTo("x-no-such-charset");
        assertThat(TextDecoding.decode(odd.body(), odd.declaredCharset(), odd.uri().toString())).contains("Caf\u00e9 du Port");
    }

    @Test
    void aConnectionClosedBeforeTheDeclaredLengthIsAnErrorNotAShortDocument() throws IOException {
        try (RawServer cut = RawServer.closingAfter("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"
                + "<p>only the first part</p>")) {
            assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(cut.url()))
                    .isInstanceOf(FetchException.class)
                    .hasMessage(cut.url() + ": connection closed before the answer was complete")
                    .matches(HttpFetcherTest::retryable, "retryable");
        }
    }

    @Test
    void aServerHangingUpWithoutAnAnswerIsAnError() throws IOException {
        try (RawServer rude = RawServer.closingAfter("")) {
            assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(rude.url()))
                    .isInstanceOf(FetchException.class)
                    .hasMessage(rude.url() + ": connection closed before the answer was complete")
                    .matches(HttpFetcherTest::retryable, "retryable");
        }
    }

    @Test
    void aConnectionClosedBetweenChunksIsAnErrorNotAShortDocument() throws IOException {
        try (RawServer cut = RawServer.closingAfter("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n1a\r\n<p>only the first part</p>\r\n")) {
            assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(cut.url()))
                    .isInstanceOf(FetchException.class)
                    .hasMessage(cut.url() + ": connection closed before the answer was complete")
                    .matches(HttpFetcherTest::retryable, "retryable");
        }
    }

    @Test
    void aServerSilentPastTheDeadlineIsCutOffAndItsConnectionClosed() throws Exception {
        try (RawServer silent = RawServer.stallingAfter("")) {
            Sleeper deadline = passingWhen(silent.requested);

            assertThatThrownBy(() -> withDeadline(SocketFactory.getDefault(), deadline).fetch(silent.url()))
                    .isInstanceOf(FetchException.class).hasMessage(silent.url() + ": no complete answer within 30 s")
                    .matches(HttpFetcherTest::retryable, "retryable");
            verify(deadline).sleep(Duration.ofSeconds(30));
            silent.hungUp.await();
        }
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineIsCutOffAndItsConnectionClosed() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<p>the first of a thousand bytes";
        try (RawServer dripping = RawServer.stallingAfter(head)) {
            // the deadline passes only once the client has received all that was sent, part of the body included
            CountDownLatch allRead = new CountDownLatch(1);
            AtomicLong read = new AtomicLong();
            SocketFactory counting = sockets(endpoint -> endpoint, bytes -> {
                if (read.addAndGet(bytes) >= head.length()) {
                    allRead.countDown();
                }
            });
            Sleeper deadline = passingWhen(allRead);

            assertThatThrownBy(() -> withDeadline(counting, deadline).fetch(dripping.url()))
                    .isInstanceOf(FetchException.class).hasMessage(dripping.url() + ": no complete answer within 30 s")
                    .matches(HttpFetcherTest::retryable, "retryable");
            verify(deadline).sleep(Duration.ofSeconds(30));
            dripping.hungUp.await();
        }
    }

    @Test
    void anAnswerInTimeEndsTheDeadline() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        Sleeper deadline = mock(Sleeper.class);
        doAnswer(invocation -> {
            try {
                new CountDownLatch(1).await();
            } finally {
                ended.countDown();
            }
            return null;
        }).when(deadline).sleep(any());

        Fetched fetched = withDeadline(SocketFactory.getDefault(), deadline).fetch(server.base() + "/page.html");

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        // the wait can only end by being interrupted, which the fetcher does once the answer is in
        ended.await();
        verify(deadline).sleep(Duration.ofSeconds(30));
    }

    /** A feed that answers 304 when the client sends back the validator it was given. */
    private AtomicInteger conditional(String path, String validatorHeader, String value, String conditionHeader,
            List<String> conditions) {
        AtomicInteger fullAnswers = new AtomicInteger();
        server.handle(path, exchange -> {
            String condition = exchange.getRequestHeaders().getFirst(conditionHeader);
            conditions.add(String.valueOf(condition));
            exchange.getResponseHeaders().add(validatorHeader, value);
            if (value.equals(condition)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            fullAnswers.incrementAndGet();
            byte[] body = "<rss version=\"2.0\"><channel><title>Feed</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return fullAnswers;
    }

    @Test
    void anUnchangedFeedIsServedFromTheCacheByItsETag(@TempDir Path cache) {
        List<String> sent = new CopyOnWriteArrayList<>();
        AtomicInteger full = conditional("/etag.xml", "ETag", "\"v1\"", "If-None-Match", sent);
        HttpFetcher fetcher = new HttpFetcher(OPEN.withCache(cache));

        Fetched first = fetcher.fetch(server.base() + "/etag.xml");
        Fetched second = fetcher.fetch(server.base() + "/etag.xml");

        assertThat(sent).containsExactly("null", "\"v1\"");
        assertThat(full).hasValue(1);
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
    }

    @Test
    void anUnchangedFeedIsServedFromTheCacheByItsDate(@TempDir Path cache) {
        List<String> sent = new CopyOnWriteArrayList<>();
        String modified = "Tue, 24 Nov 2026 06:00:00 GMT";
        AtomicInteger full = conditional("/dated.xml", "Last-Modified", modified, "If-Modified-Since", sent);
        HttpFetcher fetcher = new HttpFetcher(OPEN.withCache(cache));

        Fetched first = fetcher.fetch(server.base() + "/dated.xml");
        Fetched second = fetcher.fetch(server.base() + "/dated.xml");

        assertThat(sent).containsExactly("null", modified);
        assertThat(full).hasValue(1);
        assertThat(second.fromCache()).isTrue();
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void withoutValidatorsNothingIsCachedAndEveryFetchIsWhole(@TempDir Path cache) throws IOException {
        HttpFetcher fetcher = new HttpFetcher(OPEN.withCache(cache));

        assertThat(fetcher.fetch(server.base() + "/page.html").fromCache()).isFalse();
        assertThat(fetcher.fetch(server.base() + "/page.html").fromCache()).isFalse();

        assertThat(pageHits).hasValue(2);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnchangedAnswerWithNothingCachedIsAnError() {
        server.handle("/unchanged", exchange -> {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
        });
        String url = server.base() + "/unchanged";

        assertThatThrownBy(() -> new HttpFetcher(OPEN).fetch(url))
                .isInstanceOf(FetchException.class).hasMessage(url + ": server said unchanged, but nothing is cached")
                .matches(HttpFetcherTest::retryable, "retryable");
    }

    @Test
    void aCacheThatCannotBeWrittenFailsThatFetchWithItsFolderNamed(@TempDir Path dir) throws IOException {
        List<String> sent = new CopyOnWriteArrayList<>();
        conditional("/cached.xml", "ETag", "\"v1\"", "If-None-Match", sent);
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");

        assertThatThrownBy(() -> new HttpFetcher(OPEN.withCache(notAFolder)).fetch(server.base() + "/cached.xml"))
                .isInstanceOf(FetchException.class).hasMessageContaining("cannot write the fetch cache in " + notAFolder)
                .matches(failure -> !retryable(failure), "not retryable");
    }
}
