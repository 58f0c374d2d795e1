package org.newsbrief.cli;

import picocli.CommandLine.Option;

/**
 * How stories are formed and how many an edition holds, shared by {@code generate} and {@code preview}.
 * They are settings flags, read by {@link CommandSettings} as the keys under {@code stories:}.
 */
final class StoryOptions {

    @Option(names = "--group-stories", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Make reports of one event from several outlets one story that lists them all "
                    + "(default); --no-group-stories gives each article its own story.")
    private boolean groupStories = true;

    @Option(names = "--max-stories", paramLabel = "N", defaultValue = "40",
            description = "Stories in the whole briefing (default: ${DEFAULT-VALUE}).")
    private int maxStories;

    @Option(names = "--per-section", paramLabel = "N", defaultValue = "10",
            description = "Stories in one section (default: ${DEFAULT-VALUE}).")
    private int perSection;

    @Option(names = "--since", paramLabel = "AGE",
            description = "Leave out articles older than AGE, counted back from the edition: 24h, 36h, 2d, 90m "
                    + "(default: any age). Articles without a date are kept; each one left out is reported.")
    private String since;

    @Option(names = "--watch", paramLabel = "TERM", split = ",",
            description = "Watched terms (a place, a company, an institution): stories that mention one rank higher "
                    + "and say why. Repeat or separate with commas.")
    private java.util.List<String> watch = new java.util.ArrayList<>();
}
