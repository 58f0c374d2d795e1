package org.newsbrief.llm;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.newsbrief.compose.Story;
import org.newsbrief.events.RunLog;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * The user prompts of one edition, filled in from the prompt files: an article to summarize, a
 * story to tell from its reports' summaries, a headline to write, the executive summary. Text from
 * the articles is fenced or flattened ({@link UntrustedText}) before it goes in, and an article is
 * cut to the input budget at a sentence.
 */
final class StoryPrompts {

    /** Each line of the executive summary asks for at most this many words. */
    static final int EXECUTIVE_WORDS = 30;
    /** Tokens per word assumed when cutting article text to the input budget. */
    private static final double TOKENS_PER_WORD = 1.4;
    private static final Map<String, String> LANGUAGES = languages();

    private final PromptTemplates templates;
    private final int maxWords;
    private final int maxInputTokens;
    private final String day;
    private final RunLog log;

    /**
     * One summary a story is told from.
     *
     * @param outlet the outlet that reported it, or an empty string when unknown
     * @param sentences the summary written of its report
     */
    record ReportSummary(String outlet, List<String> sentences) {}

    /**
     * @param templates the prompt files
     * @param maxWords the longest a story's summary may be
     * @param maxInputTokens the most tokens of article text one prompt may carry
     * @param date the day of the edition, which prompts may name
     * @param log told when an article is cut
     */
    StoryPrompts(PromptTemplates templates, int maxWords, int maxInputTokens, LocalDate date, RunLog log) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.maxWords = maxWords;
        this.maxInputTokens = maxInputTokens;
        this.day = date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param article the article
     * @param sources its sentences a prompt may carry, at least one
     * @return the prompt asking for its summary
     */
    Prompt article(AnalyzedArticle article, List<Sentence> sources) {
        Map<String, String> values = new HashMap<>(common(article.language()));
        values.put("title", UntrustedText.inline(article.title()));
        values.put("source", article.source().source().isEmpty() ? "an unnamed outlet" : UntrustedText.inline(article.source().source()));
        values.put("published", article.source().date() == null ? "unknown" : article.source().date().toString());
        values.put("text", UntrustedText.fence(cut(article, sources)));
        return fill(PromptTemplates.Kind.ARTICLE, values);
    }

    /**
     * @param story the story
     * @param summaries the summaries written of its reports, two or more, in the story's order
     * @return the prompt asking for one summary of them all
     */
    Prompt story(Story story, List<ReportSummary> summaries) {
        StringBuilder listed = new StringBuilder();
        List<String> outlets = new ArrayList<>();
        for (ReportSummary summary : summaries) {
            String outlet = UntrustedText.inline(summary.outlet().isEmpty() ? "An unnamed outlet" : summary.outlet());
            outlets.add(outlet);
            listed.append(outlets.size()).append(". ").append(outlet).append(":\n")
                    .append(UntrustedText.fence(String.join(" ", summary.sentences()))).append("\n\n");
        }
        Map<String, String> values = new HashMap<>(common(story.language()));
        values.put("headline", UntrustedText.inline(story.headline()));
        values.put("sources", String.join(", ", outlets.stream().distinct().toList()));
        values.put("source_count", Integer.toString(outlets.size()));
        values.put("summaries", listed.toString().strip());
        return fill(PromptTemplates.Kind.STORY, values);
    }

    /**
     * @param story the story, with its outlets' own titles
     * @param summary the summary written of it
     * @return the prompt asking for its headline
     */
    Prompt headline(Story story, List<String> summary) {
        StringBuilder titles = new StringBuilder();
        for (Story.Outlet outlet : story.outlets()) {
            if (!outlet.title().isBlank()) {
                titles.append("- ").append(UntrustedText.inline(outlet.title())).append('\n');
            }
        }
        Map<String, String> values = new HashMap<>(common(story.language()));
        // a reply up to two words longer than asked for is still used
        values.put("max_words", Integer.toString(Replies.HEADLINE_WORDS - 2));
        values.put("titles", UntrustedText.fence(titles.toString().isEmpty() ? story.headline() : titles.toString()));
        values.put("summary", UntrustedText.fence(String.join(" ", summary)));
        return fill(PromptTemplates.Kind.HEADLINE, values);
    }

    /**
     * @param stories the stories of the executive summary, in its order, with their summaries
     * @return the prompt asking for one numbered line per story
     */
    Prompt executive(List<Story> stories) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < stories.size(); i++) {
            Story story = stories.get(i);
            listed.append(i + 1).append(". ").append(UntrustedText.inline(story.headline())).append('\n')
                    .append(UntrustedText.fence(String.join(" ", story.summary()))).append("\n\n");
        }
        Map<String, String> values = new HashMap<>(common("eng"));
        values.put("max_words", Integer.toString(EXECUTIVE_WORDS));
        values.put("count", Integer.toString(stories.size()));
        values.put("stories", listed.toString().strip());
        return fill(PromptTemplates.Kind.EXECUTIVE, values);
    }

    private Prompt fill(PromptTemplates.Kind kind, Map<String, String> values) {
        return new Prompt(kind, templates.fill(kind, values));
    }

    /** The article's sentences up to the input budget, whole sentences only, paragraphs kept apart. */
    private String cut(AnalyzedArticle article, List<Sentence> sources) {
        StringBuilder text = new StringBuilder();
        int block = sources.get(0).block();
        double tokens = 0;
        for (Sentence sentence : sources) {
            tokens += sentence.wordCount() * TOKENS_PER_WORD;
            if (tokens > maxInputTokens && text.length() > 0) {
                log.progress("LLM: " + article.source().origin() + " is longer than " + maxInputTokens
                        + " tokens; the model sees its opening sentences only");
                break;
            }
            if (text.length() > 0) {
                text.append(sentence.block() != block ? "\n\n" : " ");
            }
            block = sentence.block();
            text.append(sentence.text());
        }
        return text.toString();
    }

    private Map<String, String> common(String language) {
        return Map.of("max_words", Integer.toString(maxWords), "language", LANGUAGES.getOrDefault(language, "English"),
                "date", day);
    }

    private static Map<String, String> languages() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            try {
                names.put(locale.getISO3Language(), locale.getDisplayLanguage(Locale.ENGLISH));
            } catch (java.util.MissingResourceException e) {
                // a language without a three-letter code cannot be named by the analyzer either
            }
        }
        return Map.copyOf(names);
    }
}
