/**
 * Optional summaries written by a language model, a stage between composing and rendering:
 * {@link org.newsbrief.llm.LlmBriefingEditor} is the {@link org.newsbrief.compose.BriefingEditor}
 * that takes a composed briefing and the reports behind each story, and returns the same stories
 * with written summaries where the reports support them. Providers come through LangChain4j;
 * prompts are files read at run time; every written sentence is checked against the reports; any
 * failure leaves a story its extractive summary, marked. Nothing here runs unless a run asks for
 * {@code --summarizer llm}.
 *
 * <p>API: {@link org.newsbrief.llm.LlmBriefingEditor}; its settings,
 * {@link org.newsbrief.llm.LlmSettings} with {@link org.newsbrief.llm.Provider} and
 * {@link org.newsbrief.llm.RetryPolicy}; {@link org.newsbrief.llm.PromptTemplates#searchPath},
 * where the prompt files are looked for; and {@link org.newsbrief.llm.LlmException}. What an edit
 * did is an {@link org.newsbrief.compose.EditReport}.
 *
 * <p>Internal, package-private: each edit's run with its own counts ({@code EditRun}), filling in
 * the prompts ({@code StoryPrompts}, {@code PromptTemplates}), reading the replies and the headline
 * rules ({@code Replies}), the check of written text against the reports ({@code Grounding}),
 * fencing the articles' text ({@code UntrustedText}), the model client with its cache, budget and
 * circuit breaker ({@code LlmClient}, {@code ResponseCache}) and the HTTP client that retries and
 * names each request's prompt ({@code RetryingHttpClient}).
 */
package org.newsbrief.llm;
