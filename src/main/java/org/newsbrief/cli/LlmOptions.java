package org.newsbrief.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that switch on LLM-written summaries. They are settings flags, read by
 * {@link CommandSettings} as {@code summarizer:} and the keys under {@code llm:}. The provider, model and address may also come
 * from {@code NEWSBRIEF_LLM_PROVIDER}, {@code NEWSBRIEF_LLM_MODEL} and {@code NEWSBRIEF_LLM_BASE_URL};
 * API keys only ever come from the environment.
 */
final class LlmOptions {

    @Option(names = "--summarizer", paramLabel = "KIND", defaultValue = "extractive",
            description = "extractive (quotes the reports; the default) or llm (a language model writes the summaries, "
                    + "each sentence checked against the reports).")
    private String summarizer;

    @Option(names = "--llm-provider", paramLabel = "NAME",
            description = "openai, openai-compatible, ollama or anthropic (default: $NEWSBRIEF_LLM_PROVIDER, or "
                    + "openai-compatible when only a base URL is given).")
    private String provider;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model (default: $NEWSBRIEF_LLM_MODEL, else the provider's).")
    private String model;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "The service's address, such as http://localhost:8000/v1 (default: $NEWSBRIEF_LLM_BASE_URL, else the provider's).")
    private String baseUrl;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long one request may take, the whole reply included (default: ${DEFAULT-VALUE}).")
    private double timeout;

    @Option(names = "--llm-retries", paramLabel = "N", defaultValue = "2",
            description = "Retries of a request that got 429, 5xx or no answer (default: ${DEFAULT-VALUE}).")
    private int retries;

    @Option(names = "--llm-concurrency", paramLabel = "N", defaultValue = "4",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--llm-temperature", paramLabel = "T", defaultValue = "0.2",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--llm-max-words", paramLabel = "N", defaultValue = "90",
            description = "Longest summary of a story, in words; longer replies are cut at a sentence (default: ${DEFAULT-VALUE}).")
    private int maxWords;

    @Option(names = "--llm-budget-tokens", paramLabel = "N", defaultValue = "0",
            description = "Tokens the run may spend; once spent, stories keep their extractive summaries (default: no limit).")
    private long budgetTokens;

    @Option(names = "--llm-budget", paramLabel = "COST", defaultValue = "0",
            description = "Estimated cost the run may spend, in the currency of the prices (default: no limit).")
    private double budgetCost;

    @Option(names = "--llm-prices", paramLabel = "IN,OUT", split = ",",
            description = "Prices of a million input and of a million output tokens, for the cost estimate.")
    private List<Double> prices;

    @Option(names = "--llm-cache", paramLabel = "DIR",
            description = "Where model replies are cached, so a rerun costs nothing (default: OUT/llm-cache).")
    private Path cache;

    @Option(names = "--no-llm-cache", description = "Do not cache model replies.")
    private boolean noCache;

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "A folder of prompt files; each file there replaces the project's prompt of that name.")
    private Path prompts;

    @Option(names = "--llm-max-tokens", paramLabel = "N", defaultValue = "400",
            description = "Longest reply, in tokens (default: ${DEFAULT-VALUE}).")
    private int maxTokens;

    @Option(names = "--llm-max-input-tokens", paramLabel = "N", defaultValue = "3000",
            description = "Longest article sent, in tokens; a longer one is cut at a sentence (default: ${DEFAULT-VALUE}).")
    private int maxInputTokens;

    @Option(names = "--llm-breaker-threshold", paramLabel = "N", defaultValue = "3",
            description = "After this many requests in a row fail, the rest keep their extractive summaries "
                    + "(default: ${DEFAULT-VALUE}).")
    private int breakerThreshold;
}
