package org.newsbrief.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Locale;

/** The model services newsbrief can call, each through its LangChain4j module. */
public enum Provider {

    /** OpenAI's own API; the key comes from {@code OPENAI_API_KEY}. */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY", "gpt-4o-mini"),
    /**
     * Any server that speaks OpenAI's chat-completions API (vLLM, llama.cpp's server, LM Studio,
     * gateways), at a base URL that must be given; a key, when the server wants one, comes from
     * {@code NEWSBRIEF_LLM_API_KEY}. Without a model name it asks for {@code default}, which servers
     * that hold one model ignore.
     */
    OPENAI_COMPATIBLE("openai-compatible", null, "NEWSBRIEF_LLM_API_KEY", "default"),
    /** A local or remote Ollama server; no key. */
    OLLAMA("ollama", "http://localhost:11434", null, "llama3.2"),
    /** Anthropic's Messages API; the key comes from {@code ANTHROPIC_API_KEY}. */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY", "claude-haiku-4-5");

    private final String id;
    private final String defaultBaseUrl;
    private final String keyVariable;
    private final String defaultModel;

    Provider(String id, String defaultBaseUrl, String keyVariable, String defaultModel) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
        this.defaultModel = defaultModel;
    }

    /** @return the name used in the configuration and on the command line */
    public String id() {
        return id;
    }

    /** @return the service's address when none is configured, or {@code null} when one must be */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** @return the environment variable the API key is read from, or {@code null} when none is used */
    public String keyVariable() {
        return keyVariable;
    }

    /** @return the model used when none is configured, or {@code null} when one must be */
    public String defaultModel() {
        return defaultModel;
    }

    /** @return whether the service refuses calls without a key */
    public boolean needsKey() {
        return this == OPENAI || this == ANTHROPIC;
    }

    /**
     * @param name a provider's name, in any case
     * @return the provider
     * @throws IllegalArgumentException naming the known providers when there is none by that name
     */
    public static Provider named(String name) {
        for (Provider provider : values()) {
            if (provider.id.equalsIgnoreCase(name.strip()) || provider.name().equalsIgnoreCase(name.strip())) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown LLM provider '" + name + "' (known: openai, openai-compatible, ollama, anthropic)");
    }

    /**
     * Builds the chat model. LangChain4j's own retries are off: {@link RetryingHttpClient} retries,
     * so that it can honour {@code Retry-After}.
     *
     * @param settings model, address, key and parameters
     * @param http the HTTP client builder every request goes through
     * @return the model
     */
    ChatModel chatModel(LlmSettings settings, HttpClientBuilder http) {
        return switch (this) {
            // OpenAI's newer models take only max_completion_tokens; compatible servers know max_tokens
            case OPENAI -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey()).modelName(settings.model()).temperature(settings.temperature())
                    .maxCompletionTokens(settings.maxTokens()).timeout(settings.timeout()).maxRetries(0).build();
            case OPENAI_COMPATIBLE -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey().isEmpty() ? "none" : settings.apiKey()).modelName(settings.model())
                    .temperature(settings.temperature()).maxTokens(settings.maxTokens()).timeout(settings.timeout())
                    .maxRetries(0).build();
            case OLLAMA -> OllamaChatModel.builder().httpClientBuilder(http).baseUrl(settings.baseUrl())
                    .modelName(settings.model()).temperature(settings.temperature()).numPredict(settings.maxTokens())
                    .timeout(settings.timeout()).maxRetries(0).build();
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey()).modelName(settings.model()).temperature(settings.temperature())
                    .maxTokens(settings.maxTokens()).timeout(settings.timeout()).maxRetries(0).build();
        };
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
