package org.newsbrief.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of commands that may read from the web. They are settings flags, read by
 * {@link CommandSettings} as the keys under {@code fetch:} in {@code newsbrief.yaml}.
 */
final class FetchOptions {

    @Option(names = "--allow-private-network",
            description = "Also fetch from every loopback and private address, all or nothing (refused by default;"
                    + " link-local and cloud metadata addresses stay refused). Prefer --allow-host.")
    private boolean allowPrivateNetwork;

    @Option(names = "--allow-host", paramLabel = "HOST",
            description = "Let this host name, *.domain, address or range (10.0.0.0/8) be fetched although it is"
                    + " private; repeat for more. Redirects are checked against the list at every hop.")
    private List<String> allowHosts = new ArrayList<>();

    @Option(names = "--follow-links", description = "Read the linked page of a feed item that is only a teaser.")
    private boolean followLinks;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest wait for one web document (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "5242880",
            description = "Largest document accepted, web page or file, in bytes (default: 5 MB); JSON Lines files"
                    + " are read a line at a time, and it limits each line.")
    private long maxBytes;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep fetched feeds here and ask servers whether they changed (ETag, Last-Modified).")
    private Path cache;
}
