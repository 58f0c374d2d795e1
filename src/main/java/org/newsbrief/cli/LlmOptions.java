package org.newsbrief.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsbrief.llm.LlmException;
import org.newsbrief.llm.LlmSettings;
import org.newsbrief.llm.PromptTemplates;
import org.newsbrief.llm.Provider;
import org.newsbrief.llm.RetryPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that switch on LLM-written summaries. The provider, model and address may also come
 * from {@code NEWSBRIEF_LLM_PROVIDER}, {@code NEWSBRIEF_LLM_MODEL} and {@code NEWSBRIEF_LLM_BASE_URL};
 * API keys only ever come from the environment.
 */
final class LlmOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

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

    /** @return whether a language model is to write the summaries */
    boolean enabled() {
        String kind = summarizer.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("extractive") && !kind.equals("llm")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--summarizer must be extractive or llm, was " + summarizer);
        }
        return kind.equals("llm");
    }

    /**
     * @param out the output folder, beside which replies are cached by default
     * @return the settings from the options and the environment
     */
    LlmSettings settings(Path out) {
        Map<String, String> environment = System.getenv();
        String url = baseUrl != null ? baseUrl : environment.get("NEWSBRIEF_LLM_BASE_URL");
        String name = provider != null ? provider : environment.get("NEWSBRIEF_LLM_PROVIDER");
        if (name == null || name.isBlank()) {
            if (url == null || url.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--summarizer llm needs a provider: give "
                        + "--llm-provider (openai, openai-compatible, ollama, anthropic) or --llm-base-url, "
                        + "or set NEWSBRIEF_LLM_PROVIDER");
            }
            name = "openai-compatible";
        }
        if (prompts != null && !Files.isDirectory(prompts)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--prompts " + prompts + ": no such folder");
        }
        if (timeout <= 0 || retries < 0 || concurrency < 1 || maxWords < 10 || budgetTokens < 0 || budgetCost < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--llm-timeout must be above 0, --llm-retries at "
                    + "least 0, --llm-concurrency at least 1, --llm-max-words at least 10 and budgets not negative");
        }
        if (prices != null && prices.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--llm-prices takes two numbers: IN,OUT");
        }
        Provider chosen;
        try {
            chosen = Provider.named(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return LlmSettings.builder(chosen, model != null ? model : environment.get("NEWSBRIEF_LLM_MODEL"), url, environment)
                    .timeout(Duration.ofMillis(Math.round(timeout * 1000)))
                    .retry(RetryPolicy.defaults().withRetries(retries))
                    .concurrency(concurrency).temperature(temperature).maxWords(maxWords).budget(budgetTokens, budgetCost)
                    .prices(prices == null ? 0 : prices.get(0), prices == null ? 0 : prices.get(1))
                    .cache(noCache ? null : cache != null ? cache : out.resolve("llm-cache"))
                    .prompts(PromptTemplates.searchPath(prompts)).build();
        } catch (LlmException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
