package org.newsbrief.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How LLM-written summaries are made: which service and model, its parameters, and the limits
 * that keep a run on time and within budget. The API key never appears in {@link #toString()}.
 *
 * @param provider the service
 * @param model the model's name
 * @param baseUrl the service's address
 * @param apiKey the key, read from the environment, or an empty string
 * @param temperature sampling temperature; 0 for the most repeatable summaries
 * @param maxTokens the most tokens one reply may have
 * @param timeout how long one request may take, from sending it to the last byte of the reply
 * @param retry how failed requests are tried again
 * @param concurrency how many requests may be in flight at once
 * @param breakerThreshold how many calls in a row may fail before the provider is not called for
 *     the rest of the run
 * @param maxInputTokens the most tokens of article text one prompt may carry; longer articles are
 *     cut at a sentence boundary
 * @param maxWords the longest a story's summary may be, in words
 * @param budgetTokens tokens the run may spend in all, 0 for no limit
 * @param budgetCost estimated cost the run may spend, 0 for no limit
 * @param inputPrice price of a million input tokens, for the cost estimate; 0 when unknown
 * @param outputPrice price of a million output tokens; 0 when unknown
 * @param cache the folder replies are cached in, or {@code null} for no cache
 * @param prompts editable prompt folders, most specific first; the built-in prompts fill gaps
 */
public record LlmSettings(Provider provider, String model, String baseUrl, String apiKey, double temperature,
        int maxTokens, Duration timeout, RetryPolicy retry, int concurrency, int breakerThreshold, int maxInputTokens,
        int maxWords, long budgetTokens, double budgetCost, double inputPrice, double outputPrice, Path cache,
        List<Path> prompts) {

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey == null ? "" : apiKey;
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        prompts = List.copyOf(prompts);
        if (maxTokens < 1 || concurrency < 1 || breakerThreshold < 1 || maxInputTokens < 100 || maxWords < 10) {
            throw new IllegalArgumentException("max tokens, concurrency and breaker threshold must be at least 1, "
                    + "max input tokens at least 100 and max words at least 10");
        }
        if (budgetTokens < 0 || budgetCost < 0 || inputPrice < 0 || outputPrice < 0 || temperature < 0) {
            throw new IllegalArgumentException("budgets, prices and temperature must not be negative");
        }
    }

    /**
     * Settings with every default filled in, the key read from the provider's environment variable.
     *
     * @param provider the service
     * @param model the model, or {@code null} for the provider's default
     * @param baseUrl the address, or {@code null} for the provider's default
     * @param environment where the key is read from
     * @return the settings
     * @throws LlmException when the provider needs a model, address or key that is missing
     */
    public static Builder builder(Provider provider, String model, String baseUrl, Map<String, String> environment) {
        Objects.requireNonNull(provider, "provider");
        String chosenModel = model != null && !model.isBlank() ? model.strip() : provider.defaultModel();
        if (chosenModel == null) {
            throw new LlmException("the " + provider.id() + " provider needs a model name (--llm-model, or llm.model in the config)");
        }
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl.strip() : provider.defaultBaseUrl();
        if (url == null) {
            throw new LlmException("the " + provider.id() + " provider needs a base URL (--llm-base-url, or llm.base_url in the config)");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new LlmException("LLM base URL " + url + " is not a valid address: " + e.getMessage(), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new LlmException("LLM base URL " + url + " must be an http or https address");
        }
        String key = provider.keyVariable() == null ? "" : environment.getOrDefault(provider.keyVariable(), "").strip();
        if (provider.needsKey() && key.isEmpty()) {
            throw new LlmException("the " + provider.id() + " provider needs an API key in the environment variable "
                    + provider.keyVariable());
        }
        return new Builder(provider, chosenModel, url, key);
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey.isEmpty() ? "" : "(set)") + ", temperature=" + temperature + ", maxTokens=" + maxTokens
                + ", timeout=" + timeout + ", concurrency=" + concurrency + ", maxWords=" + maxWords + "]";
    }

    /** Fills in the tunable parts; each starts at its documented default. */
    public static final class Builder {

        private final Provider provider;
        private final String model;
        private final String baseUrl;
        private final String apiKey;
        private double temperature = 0.2;
        private int maxTokens = 400;
        private Duration timeout = Duration.ofSeconds(60);
        private RetryPolicy retry = RetryPolicy.defaults();
        private int concurrency = 4;
        private int breakerThreshold = 3;
        private int maxInputTokens = 3000;
        private int maxWords = 90;
        private long budgetTokens;
        private double budgetCost;
        private double inputPrice;
        private double outputPrice;
        private Path cache;
        private List<Path> prompts = List.of();

        private Builder(Provider provider, String model, String baseUrl, String apiKey) {
            this.provider = provider;
            this.model = model;
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
        }

        /** @param value sampling temperature (default 0.2) @return this builder */
        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        /** @param value most tokens in one reply (default 400) @return this builder */
        public Builder maxTokens(int value) {
            this.maxTokens = value;
            return this;
        }

        /** @param value how long one request may take (default 60 s) @return this builder */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** @param value how failed requests are retried (default 2 retries from 1 s) @return this builder */
        public Builder retry(RetryPolicy value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /** @param value requests in flight at once (default 4) @return this builder */
        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        /** @param value failed calls in a row that stop calling the provider (default 3) @return this builder */
        public Builder breakerThreshold(int value) {
            this.breakerThreshold = value;
            return this;
        }

        /** @param value most tokens of article text in one prompt (default 3000) @return this builder */
        public Builder maxInputTokens(int value) {
            this.maxInputTokens = value;
            return this;
        }

        /** @param value longest summary in words (default 90) @return this builder */
        public Builder maxWords(int value) {
            this.maxWords = value;
            return this;
        }

        /** @param tokens tokens the run may spend, 0 for no limit @param cost estimated cost, 0 for no limit @return this builder */
        public Builder budget(long tokens, double cost) {
            this.budgetTokens = tokens;
            this.budgetCost = cost;
            return this;
        }

        /** @param input price per million input tokens @param output per million output tokens @return this builder */
        public Builder prices(double input, double output) {
            this.inputPrice = input;
            this.outputPrice = output;
            return this;
        }

        /** @param folder where replies are cached, or {@code null} for none @return this builder */
        public Builder cache(Path folder) {
            this.cache = folder;
            return this;
        }

        /** @param folders editable prompt folders, most specific first @return this builder */
        public Builder prompts(List<Path> folders) {
            this.prompts = folders.stream().filter(Objects::nonNull).toList();
            return this;
        }

        /** @return the settings */
        public LlmSettings build() {
            return new LlmSettings(provider, model, baseUrl, apiKey, temperature, maxTokens, timeout, retry, concurrency,
                    breakerThreshold, maxInputTokens, maxWords, budgetTokens, budgetCost, inputPrice, outputPrice, cache,
                    prompts);
        }
    }
}
