package org.newsbrief.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.newsbrief.ingest.FetchSettings;
import org.newsbrief.ingest.Ingestion;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of commands that may read from the web. */
final class FetchOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--allow-private-network",
            description = "Also fetch from loopback, link-local and private addresses (refused by default).")
    private boolean allowPrivateNetwork;

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

    Ingestion ingestion(int threads) {
        if (timeoutSeconds < 1 || maxBytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout and --max-bytes must be at least 1");
        }
        FetchSettings settings = FetchSettings.defaults().withPrivateNetwork(allowPrivateNetwork)
                .withReadTimeout(Duration.ofSeconds(timeoutSeconds)).withMaxBytes(maxBytes);
        if (cache != null) {
            settings = settings.withCache(cache);
        }
        return Ingestion.over(settings, followLinks, threads);
    }
}
