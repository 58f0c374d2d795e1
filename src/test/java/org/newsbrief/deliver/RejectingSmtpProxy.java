package org.newsbrief.deliver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback SMTP relay in front of a test server that answers {@code RCPT TO} for one address
 * with a reply of the test's choosing: {@code 550} as a real server does for a mailbox that does
 * not exist, {@code 451} for a mailbox that is busy for now. Everything else passes through.
 */
final class RejectingSmtpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final String rejected;
    private final String reply;
    private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int refusalsLeft = Integer.MAX_VALUE;

    RejectingSmtpProxy(int upstreamPort, String rejected) throws IOException {
        this(upstreamPort, rejected, "550 5.1.1 <" + rejected + ">: mailbox unavailable");
    }

    RejectingSmtpProxy(int upstreamPort, String rejected, String reply) throws IOException {
        this.reply = reply;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.rejected = rejected.toLowerCase(Locale.ROOT);
        Thread acceptor = new Thread(this::accept, "smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param count how many more times to refuse; after that the address passes */
    void refuseOnly(int count) {
        refusalsLeft = refusals.get() + count;
    }

    int refusals() {
        return refusals.get();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                OutputStream toClient = client.getOutputStream();
                Thread down = new Thread(() -> pump(upstream, toClient), "smtp-proxy-down");
                down.setDaemon(true);
                down.start();
                Thread up = new Thread(() -> relay(client, upstream, toClient), "smtp-proxy-up");
                up.setDaemon(true);
                up.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket upstream, OutputStream toClient) {
        try (InputStream in = upstream.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException e) {
            // the client or the server hung up
        }
    }

    private void relay(Socket client, Socket upstream, OutputStream toClient) {
        try (client; upstream;
                BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream toServer = upstream.getOutputStream();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.toUpperCase(Locale.ROOT).startsWith("RCPT TO:") && line.toLowerCase(Locale.ROOT).contains(rejected)
                        && refusals.get() < refusalsLeft) {
                    refusals.incrementAndGet();
                    synchronized (toClient) {
                        toClient.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                    }
                    continue;
                }
                toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
            }
        } catch (IOException e) {
            // the client or the server hung up
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
