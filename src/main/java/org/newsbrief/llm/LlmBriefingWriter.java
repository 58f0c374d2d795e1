package org.newsbrief.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.Story;
import org.newsbrief.ingest.Article;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.TextAnalyzer;
import org.newsbrief.internal.Sleeper;
import org.newsbrief.events.RunLog;

/**
 * Rewrites a composed briefing's summaries with a language model, map then reduce: each report
 * is summarized on its own, each story from its reports' summaries, the executive summary from
 * the stories, and each written story gets a headline. Every sentence the model writes is checked
 * against the reports ({@link Grounding}); what fails is dropped and counted. A story whose
 * written summary fails, is too thin or could not be had at all keeps its extractive summary,
 * marked as a fallback, so the briefing goes out whatever the model does.
 */
public final class LlmBriefingWriter {

    /** Headlines longer than this are not used. */
    static final int HEADLINE_WORDS = 14;
    /** Each line of the executive summary asks for at most this many words. */
    static final int EXECUTIVE_WORDS = 30;
    /** A progress line after every so many stories. */
    private static final int PROGRESS_EVERY = 5;
    /** Tokens per word assumed when cutting article text to the input budget. */
    private static final double TOKENS_PER_WORD = 1.4;
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,2})[.):]\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+");
    private static final Map<String, String> LANGUAGES = languages();
    /** What a reader is told when a story's summary is quoted instead of written. */
    private static final String SERVICE_FAILED = "the AI service did not answer";
    private static final String BUDGET_SPENT = "the AI budget for this edition was spent";
    private static final String NOT_SUPPORTED = "the AI summary did not match the reports";
    private static final String NOT_MADE = "the AI summary could not be made";

    private final LlmSettings settings;
    private final PromptTemplates prompts;
    private final LlmClient client;
    private final TextAnalyzer analyzer;
    private final RunLog log;
    private final String system;
    private final AtomicInteger dropped = new AtomicInteger();
    private String day = "";

    /**
     * What rewriting did.
     *
     * @param briefing the briefing with written summaries where they could be used
     * @param written stories whose summary the model wrote
     * @param fellBack stories that kept their extractive summary because the model's failed
     * @param droppedSentences sentences the model wrote that the reports did not support
     * @param usage calls, tokens and cost
     */
    public record Result(Briefing briefing, int written, int fellBack, int droppedSentences, LlmUsage usage) {

        /** @return one line for the run's report */
        public String summary() {
            return "LLM summaries: " + written + " written, " + fellBack + " kept extractive, " + droppedSentences
                    + " unsupported " + (droppedSentences == 1 ? "sentence" : "sentences") + " dropped; " + usage.summary();
        }
    }

    /**
     * Builds the writer and its model. The prompts are read and checked here, before any request.
     *
     * @param settings the provider, model and limits
     * @param analyzer splits the model's replies into sentences
     * @param clock the clock {@code Retry-After} dates are read against
     * @param log receives progress, warnings and every dropped sentence
     * @return the writer
     * @throws LlmException when a prompt is wrong
     */
    public static LlmBriefingWriter create(LlmSettings settings, TextAnalyzer analyzer, Clock clock, RunLog log) {
        return create(settings, analyzer, clock, Sleeper.real(), log);
    }

    static LlmBriefingWriter create(LlmSettings settings, TextAnalyzer analyzer, Clock clock, Sleeper sleeper,
            RunLog log) {
        PromptTemplates prompts = PromptTemplates.load(settings.prompts());
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean breakerOpen = new AtomicBoolean();
        ChatModel model = settings.provider().chatModel(settings,
                new RetryingHttpClient.Builder(settings.retry(), sleeper, new Random(), clock, requests, breakerOpen::get));
        ResponseCache cache = settings.cache() == null ? null : new ResponseCache(settings.cache(), log);
        return new LlmBriefingWriter(settings, prompts, new LlmClient(settings, model, cache, requests, breakerOpen), analyzer, log);
    }

    LlmBriefingWriter(LlmSettings settings, PromptTemplates prompts, LlmClient client, TextAnalyzer analyzer,
            RunLog log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.client = Objects.requireNonNull(client, "client");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.log = Objects.requireNonNull(log, "log");
        this.system = prompts.fill(PromptTemplates.Kind.SYSTEM, Map.of());
    }

    /**
     * Rewrites one edition. A writer serves one run: its circuit breaker and budget span all of
     * that run's calls.
     *
     * @param composition the briefing with each story's reports
     * @return the rewritten briefing and what it took
     */
    public Result rewrite(BriefingComposer.Composition composition) {
        Briefing briefing = composition.briefing();
        day = briefing.date().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        dropped.set(0);
        List<Story> stories = briefing.stories();
        int articles = stories.stream().mapToInt(story -> reports(composition, story).size()).sum();
        log.progress("writing summaries of " + articles + " articles in " + stories.size() + " stories with "
                + settings.provider().id() + " model " + settings.model() + " (" + settings.concurrency() + " at a time)");
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "newsbrief-llm");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<AnalyzedArticle, Future<Draft>> articleDrafts = new IdentityHashMap<>();
            for (Story story : stories) {
                for (AnalyzedArticle article : reports(composition, story)) {
                    articleDrafts.computeIfAbsent(article, a -> pool.submit(() -> safely(() -> articleDraft(a),
                            why -> Draft.failed(why, NOT_MADE), a.source().origin())));
                }
            }
            Map<String, Future<Story>> rewriting = new HashMap<>();
            for (Story story : stories) {
                List<AnalyzedArticle> reports = reports(composition, story);
                List<Future<Draft>> drafts = reports.stream().map(articleDrafts::get).toList();
                rewriting.put(story.id(), pool.submit(() -> {
                    List<Draft> done = await(drafts);
                    return safely(() -> storyOf(story, reports, done), why -> fallback(story, NOT_MADE),
                            "story '" + story.headline() + "'");
                }));
            }
            Map<String, Story> replacements = new HashMap<>();
            for (Story story : stories) {
                replacements.put(story.id(), rewriting.get(story.id()).get());
                if (replacements.size() % PROGRESS_EVERY == 0 && replacements.size() < stories.size()) {
                    log.progress("LLM: " + replacements.size() + " of " + stories.size() + " stories done");
                }
            }
            List<Briefing.Highlight> executive = safely(() -> executive(briefing, replacements, composition),
                    why -> quotedHighlights(briefing, replacements), "executive summary");
            Briefing rewritten = briefing.replacing(replacements, executive);
            Result result = new Result(rewritten, count(replacements, Story.Authorship.Method.MODEL_WRITTEN),
                    count(replacements, Story.Authorship.Method.EXTRACTED_FALLBACK), dropped.get(), client.usage());
            log.progress(result.summary());
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while writing summaries", e);
        } catch (ExecutionException e) {
            throw new LlmException("writing summaries failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A summary the model wrote and the reports support, or why there is none.
     *
     * @param sentences the supported sentences
     * @param failure why there is no usable summary, for the log, or {@code null}
     * @param readerReason why, as the reader of a story that falls back is told, or {@code null}
     */
    private record Draft(List<String> sentences, String failure, String readerReason) {

        static Draft failed(String why, String readerReason) {
            return new Draft(List.of(), why, readerReason);
        }

        /** A reply that did not come: the service failed, or the budget kept it from being asked. */
        static Draft missing(LlmClient.Reply reply) {
            return failed(reply.failure(), reply.budgetSpent() ? BUDGET_SPENT : SERVICE_FAILED);
        }

        boolean ok() {
            return failure == null;
        }
    }

    private static int count(Map<String, Story> stories, Story.Authorship.Method method) {
        return (int) stories.values().stream().filter(story -> story.authorship().method() == method).count();
    }

    /** Sends one prompt, with the system prompt read once per run. */
    private LlmClient.Reply ask(PromptTemplates.Kind kind, Map<String, String> values) {
        return client.ask(system, prompts.fill(kind, values));
    }

    private Draft articleDraft(AnalyzedArticle article) {
        List<Sentence> sources = trusted(article.sentences());
        if (sources.isEmpty()) {
            return Draft.failed("the report has no sentences to summarize", NOT_MADE);
        }
        List<Sentence> checked = new ArrayList<>(sources);
        if (!article.title().isBlank() && !UntrustedText.addressesAModel(article.title())) {
            checked.add(tokenized(article.title()));
        }
        Map<String, String> values = new HashMap<>(common(article.language()));
        values.put("title", UntrustedText.inline(article.title()));
        values.put("source", article.source().source().isEmpty() ? "an unnamed outlet" : UntrustedText.inline(article.source().source()));
        values.put("published", article.source().date() == null ? "unknown" : article.source().date().toString());
        values.put("text", UntrustedText.fence(cut(article, sources)));
        LlmClient.Reply reply = ask(PromptTemplates.Kind.ARTICLE, values);
        if (!reply.ok()) {
            log.warning("LLM: " + article.source().origin() + ": " + reply.failure());
            return Draft.missing(reply);
        }
        return grounded(reply.text(), new Grounding(checked), article.source().origin());
    }

    private Story storyOf(Story story, List<AnalyzedArticle> reports, List<Draft> drafts) {
        if (reports.isEmpty()) {
            return story; // nothing to check a written summary against
        }
        Grounding grounding = grounding(reports);
        Draft draft;
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).ok()) {
                usable.add(i);
            }
        }
        if (usable.isEmpty()) {
            draft = drafts.get(0);
        } else if (usable.size() == 1) {
            draft = drafts.get(usable.get(0));
        } else {
            StringBuilder summaries = new StringBuilder();
            List<String> outlets = new ArrayList<>();
            for (int i : usable) {
                String outlet = reports.get(i).source().source().isEmpty() ? "An unnamed outlet" : reports.get(i).source().source();
                outlets.add(UntrustedText.inline(outlet));
                summaries.append(outlets.size()).append(". ").append(UntrustedText.inline(outlet)).append(":\n")
                        .append(UntrustedText.fence(String.join(" ", drafts.get(i).sentences()))).append("\n\n");
            }
            Map<String, String> values = new HashMap<>(common(story.language()));
            values.put("headline", UntrustedText.inline(story.headline()));
            values.put("sources", String.join(", ", outlets.stream().distinct().toList()));
            values.put("source_count", Integer.toString(outlets.size()));
            values.put("summaries", summaries.toString().strip());
            LlmClient.Reply reply = ask(PromptTemplates.Kind.STORY, values);
            if (reply.ok()) {
                draft = grounded(reply.text(), grounding, "story '" + story.headline() + "'");
            } else {
                log.warning("LLM: story '" + story.headline() + "': " + reply.failure());
                draft = Draft.missing(reply);
            }
        }
        if (!draft.ok()) {
            return fallback(story, draft.readerReason());
        }
        List<String> summary = SummaryTrimming.toWords(draft.sentences(), settings.maxWords());
        return story.rewritten(headline(story, summary, grounding), summary,
                new Story.Authorship(Story.Authorship.Method.MODEL_WRITTEN, reports.size(), ""));
    }

    private String headline(Story story, List<String> summary, Grounding grounding) {
        StringBuilder titles = new StringBuilder();
        for (Story.Outlet outlet : story.outlets()) {
            if (!outlet.title().isBlank()) {
                titles.append("- ").append(UntrustedText.inline(outlet.title())).append('\n');
            }
        }
        Map<String, String> values = new HashMap<>(common(story.language()));
        values.put("max_words", Integer.toString(HEADLINE_WORDS - 2));
        values.put("titles", UntrustedText.fence(titles.toString().isEmpty() ? story.headline() : titles.toString()));
        values.put("summary", UntrustedText.fence(String.join(" ", summary)));
        LlmClient.Reply reply = ask(PromptTemplates.Kind.HEADLINE, values);
        if (!reply.ok()) {
            return story.headline();
        }
        String line = reply.text().strip().lines().filter(text -> !text.isBlank()).findFirst().orElse("").strip();
        line = BULLET.matcher(line).replaceFirst("").replaceAll("^[\"“'‘*#\\s]+|[\"”'’*\\s]+$", "").replaceAll("\\.$", "");
        int words = line.isEmpty() ? 0 : line.split("\\s+").length;
        if (words < 2 || words > HEADLINE_WORDS) {
            return story.headline();
        }
        String shape = headlineShape(line);
        Grounding.Verdict verdict = shape.isEmpty() ? grounding.checkHeadline(tokenized(line))
                : new Grounding.Verdict(line, false, shape);
        if (!verdict.supported()) {
            dropped.incrementAndGet();
            log.progress("LLM: headline for '" + story.headline() + "' not used (" + verdict.reason() + "): " + line);
            return story.headline();
        }
        return line;
    }

    /**
     * What keeps a line from reading as a headline, or an empty string: a trailing colon or
     * comma (a preface such as "The outlets' own headlines:"), brackets left open or closed
     * without opening (a fragment such as "AI model)"), too few letters, or words addressed
     * to a model.
     */
    static String headlineShape(String line) {
        if (line.matches(".*[:;,(\\[{<–—-]\\s*$")) {
            return "it ends as if more should follow";
        }
        if (!line.matches("^[\"“‘'\\p{L}\\p{N}].*")) {
            return "it does not start with a word";
        }
        if (!balanced(line, '(', ')') || !balanced(line, '[', ']')) {
            return "its brackets do not match";
        }
        if (line.codePoints().filter(Character::isLetter).count() < 4) {
            return "it has too few letters";
        }
        if (UntrustedText.addressesAModel(line)) {
            return "it addresses an AI model";
        }
        return "";
    }

    private static boolean balanced(String line, char open, char close) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The story with its extractive summary, marked with why the model's is not there. */
    private static Story fallback(Story story, String readerReason) {
        List<String> quoted = story.summary().stream().filter(sentence -> !UntrustedText.addressesAModel(sentence)).toList();
        return story.rewritten(story.headline(), quoted,
                new Story.Authorship(Story.Authorship.Method.EXTRACTED_FALLBACK, 0, readerReason));
    }

    /** Each top story's first sentence, as the executive summary reads without a model. */
    private static List<Briefing.Highlight> quotedHighlights(Briefing briefing, Map<String, Story> replacements) {
        List<Briefing.Highlight> quoted = new ArrayList<>();
        for (Briefing.Highlight highlight : briefing.executiveSummary()) {
            Story story = replacements.getOrDefault(highlight.story().id(), highlight.story());
            quoted.add(new Briefing.Highlight(story, story.summary().isEmpty() ? highlight.sentence() : story.summary().get(0)));
        }
        return quoted;
    }

    /**
     * Runs one step; a bug or an unexpected reply in it costs that step its written text, never
     * the edition.
     */
    private <T> T safely(java.util.function.Supplier<T> step, java.util.function.Function<String, T> otherwise, String what) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            log.warning("LLM: " + what + ": " + e + "; keeping the extractive text");
            return otherwise.apply("failed: " + e.getMessage());
        }
    }

    private List<Briefing.Highlight> executive(Briefing briefing, Map<String, Story> replacements,
            BriefingComposer.Composition composition) {
        List<Briefing.Highlight> fallback = quotedHighlights(briefing, replacements);
        if (fallback.isEmpty()) {
            return fallback;
        }
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < fallback.size(); i++) {
            Story story = fallback.get(i).story();
            listed.append(i + 1).append(". ").append(UntrustedText.inline(story.headline())).append('\n')
                    .append(UntrustedText.fence(String.join(" ", story.summary()))).append("\n\n");
        }
        Map<String, String> values = new HashMap<>(common("eng"));
        values.put("max_words", Integer.toString(EXECUTIVE_WORDS));
        values.put("count", Integer.toString(fallback.size()));
        values.put("stories", listed.toString().strip());
        LlmClient.Reply reply = ask(PromptTemplates.Kind.EXECUTIVE, values);
        if (!reply.ok()) {
            log.warning("LLM: executive summary: " + reply.failure() + "; its lines are quoted from the stories");
            return fallback;
        }
        Map<Integer, String> lines = new HashMap<>();
        for (String line : reply.text().split("\\R")) {
            Matcher matcher = NUMBERED.matcher(line);
            if (matcher.matches()) {
                lines.putIfAbsent(Integer.parseInt(matcher.group(1)), matcher.group(2).strip());
            }
        }
        List<Briefing.Highlight> highlights = new ArrayList<>();
        for (int i = 0; i < fallback.size(); i++) {
            Briefing.Highlight quoted = fallback.get(i);
            String line = lines.get(i + 1);
            Story original = briefing.executiveSummary().get(i).story();
            if (line == null || quoted.story().authorship().method() != Story.Authorship.Method.MODEL_WRITTEN) {
                highlights.add(quoted);
                continue;
            }
            Draft draft = grounded(line, grounding(reports(composition, original)), "executive summary line " + (i + 1));
            highlights.add(draft.ok() && !draft.sentences().isEmpty()
                    ? new Briefing.Highlight(quoted.story(),
                            String.join(" ", SummaryTrimming.toWords(draft.sentences().subList(0, 1), EXECUTIVE_WORDS + 10)))
                    : quoted);
        }
        return highlights;
    }

    /**
     * Splits a reply into sentences and keeps those the sources support. The draft fails when
     * nothing survives or fewer than half of the sentences do: such a summary says too little of
     * what the model meant to say to stand for it.
     */
    private Draft grounded(String reply, Grounding grounding, String what) {
        List<Sentence> sentences = sentences(reply);
        if (sentences.isEmpty()) {
            return Draft.failed("the model's reply has no sentences", NOT_MADE);
        }
        List<String> kept = new ArrayList<>();
        for (Sentence sentence : sentences) {
            Grounding.Verdict verdict = grounding.check(sentence);
            if (verdict.supported()) {
                kept.add(sentence.text());
            } else {
                dropped.incrementAndGet();
                log.progress("LLM: " + what + ": dropped a sentence (" + verdict.reason() + "): " + sentence.text());
            }
        }
        if (kept.isEmpty() || kept.size() * 2 < sentences.size()) {
            return Draft.failed("the reports support only " + kept.size() + " of the " + sentences.size()
                    + " sentences the model wrote", NOT_SUPPORTED);
        }
        return new Draft(kept, null, null);
    }

    private List<Sentence> sentences(String reply) {
        StringBuilder text = new StringBuilder();
        List<String> lines = reply.strip().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && lines.size() > 1 && line.endsWith(":")) {
                continue; // a preface such as "Here is the summary:"
            }
            line = BULLET.matcher(line).replaceFirst("");
            text.append(line.isEmpty() ? "\n\n" : line + "\n");
        }
        if (text.toString().isBlank()) {
            return List.of();
        }
        return analyzer.analyze(Article.of("model-reply", "Model reply", text.toString().strip().replaceAll("\n(?!\n)", " ")))
                .sentences();
    }

    private Sentence tokenized(String line) {
        List<Sentence> sentences = analyzer.analyze(Article.of("model-headline", "Model headline", line + ".")).sentences();
        if (sentences.isEmpty()) {
            return new Sentence(0, 0, line, 0, line.length(), List.of());
        }
        return sentences.get(0);
    }

    /** The article's sentences up to the input budget, whole sentences only, paragraphs kept apart. */
    private String cut(AnalyzedArticle article, List<Sentence> sources) {
        StringBuilder text = new StringBuilder();
        int block = sources.get(0).block();
        double tokens = 0;
        for (Sentence sentence : sources) {
            tokens += sentence.wordCount() * TOKENS_PER_WORD;
            if (tokens > settings.maxInputTokens() && text.length() > 0) {
                log.progress("LLM: " + article.source().origin() + " is longer than " + settings.maxInputTokens()
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

    /** What a story's written text is checked against: its reports' sentences and titles. */
    private Grounding grounding(List<AnalyzedArticle> reports) {
        List<Sentence> sources = new ArrayList<>();
        for (AnalyzedArticle report : reports) {
            sources.addAll(trusted(report.sentences()));
            if (!report.title().isBlank() && !UntrustedText.addressesAModel(report.title())) {
                sources.add(tokenized(report.title()));
            }
        }
        return new Grounding(sources);
    }

    /**
     * Sentences that speak to a reader; those addressing a model are kept from it and from the
     * check, and so is the rest of a paragraph after a sentence imitating a fence marker.
     */
    private static List<Sentence> trusted(List<Sentence> sentences) {
        List<Sentence> trusted = new ArrayList<>();
        int fencedBlock = -1;
        for (Sentence sentence : sentences) {
            if (UntrustedText.imitatesAFence(sentence.text())) {
                fencedBlock = sentence.block();
            }
            if (sentence.block() != fencedBlock && !UntrustedText.addressesAModel(sentence.text())) {
                trusted.add(sentence);
            }
        }
        return trusted;
    }

    private Map<String, String> common(String language) {
        return Map.of("max_words", Integer.toString(settings.maxWords()), "language",
                LANGUAGES.getOrDefault(language, "English"), "date", day);
    }

    private static List<AnalyzedArticle> reports(BriefingComposer.Composition composition, Story story) {
        return composition.reportsOf(story);
    }

    private static List<Draft> await(List<Future<Draft>> drafts) throws InterruptedException, ExecutionException {
        List<Draft> done = new ArrayList<>();
        for (Future<Draft> draft : drafts) {
            done.add(draft.get());
        }
        return done;
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
