package org.newsbrief.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.newsbrief.compose.Briefing;
import org.newsbrief.compose.BriefingComposer;
import org.newsbrief.compose.BriefingEditor;
import org.newsbrief.compose.EditReport;
import org.newsbrief.compose.Story;
import org.newsbrief.events.RunLog;
import org.newsbrief.internal.Parallel;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;

/**
 * One edit of one briefing, and all the state it has: its model client (with the run's counters,
 * budget and circuit breaker), its log and the count of sentences it dropped. Map then reduce:
 * each report is summarized on its own, then each story from its reports' summaries and given a
 * headline, then the executive summary is written from the stories.
 */
final class EditRun {

    /** A progress line after every so many stories. */
    private static final int PROGRESS_EVERY = 5;
    /** Why a story's summary is quoted instead of written, as its authorship records it for the run's report. */
    private static final String SERVICE_FAILED = "the AI service did not answer";
    private static final String BUDGET_SPENT = "the AI budget for this edition was spent";
    private static final String NOT_SUPPORTED = "the AI summary did not match the reports";
    private static final String NOT_MADE = "the AI summary could not be made";

    private final LlmSettings settings;
    private final StoryPrompts prompts;
    private final Replies replies;
    private final LlmClient client;
    private final RunLog log;
    private final AtomicInteger dropped = new AtomicInteger();

    EditRun(LlmSettings settings, StoryPrompts prompts, Replies replies, LlmClient client, RunLog log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.client = Objects.requireNonNull(client, "client");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * A summary the model wrote and the reports support, or why there is none.
     *
     * @param sentences the supported sentences
     * @param failure why there is no usable summary, for the log, or {@code null}
     * @param readerReason why, in plain words, as the story's authorship records it for the report, or {@code null}
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

    /** A story with its reports and the drafts written of them, in the same order. */
    private record Reported(Story story, List<AnalyzedArticle> reports, List<Draft> drafts) {}

    /**
     * @param composition the briefing with each story's reports
     * @return the briefing with written summaries where they could be used, and what it took
     */
    BriefingEditor.Edited edit(BriefingComposer.Composition composition) {
        Briefing briefing = composition.briefing();
        List<Story> stories = briefing.stories();
        List<AnalyzedArticle> articles = stories.stream().flatMap(story -> composition.reportsOf(story).stream()).toList();
        log.progress("writing summaries of " + articles.size() + " articles in " + stories.size() + " stories with "
                + settings.provider().id() + " model " + settings.model() + " (" + settings.concurrency() + " at a time)");
        List<Draft> drafts = values(Parallel.map(articles, settings.concurrency(), article -> safely(
                () -> articleDraft(article), why -> Draft.failed(why, NOT_MADE), article.source().origin())));
        List<Reported> reported = new ArrayList<>();
        int from = 0;
        for (Story story : stories) {
            List<AnalyzedArticle> reports = composition.reportsOf(story);
            reported.add(new Reported(story, reports, drafts.subList(from, from + reports.size())));
            from += reports.size();
        }
        List<Story> told = values(Parallel.map(reported, settings.concurrency(), story -> safely(
                () -> storyOf(story), why -> fallback(story.story(), NOT_MADE), "story '" + story.story().headline() + "'"),
                Parallel.Bounds.none(), done -> {
                    if (done % PROGRESS_EVERY == 0 && done < stories.size()) {
                        log.progress("LLM: " + done + " of " + stories.size() + " stories done");
                    }
                }));
        Map<String, Story> replacements = new LinkedHashMap<>();
        told.forEach(story -> replacements.put(story.id(), story));
        List<Briefing.Highlight> executive = safely(() -> executive(composition, replacements),
                why -> quotedHighlights(briefing, replacements), "executive summary");
        Briefing edited = briefing.replacing(replacements, executive);
        EditReport report = report(edited);
        log.progress(report.summary());
        return new BriefingEditor.Edited(new BriefingComposer.Composition(edited, composition.reports()), Optional.of(report));
    }

    private EditReport report(Briefing edited) {
        int written = count(edited, Story.Authorship.Method.MODEL_WRITTEN);
        int fellBack = count(edited, Story.Authorship.Method.EXTRACTED_FALLBACK);
        int droppedSentences = dropped.get();
        EditReport.ModelUsage usage = client.usage();
        String summary = "LLM summaries: " + written + " written, " + fellBack + " kept extractive, " + droppedSentences
                + " unsupported " + (droppedSentences == 1 ? "sentence" : "sentences") + " dropped; " + usage.summary();
        return new EditReport(summary, written, fellBack, droppedSentences, usage,
                edited.stories().stream().map(EditReport.StoryEdit::of).toList());
    }

    private static int count(Briefing briefing, Story.Authorship.Method method) {
        return (int) briefing.stories().stream().filter(story -> story.authorship().method() == method).count();
    }

    private Draft articleDraft(AnalyzedArticle article) {
        List<Sentence> sources = UntrustedText.trusted(article.sentences());
        if (sources.isEmpty()) {
            return Draft.failed("the report has no sentences to summarize", NOT_MADE);
        }
        LlmClient.Reply reply = client.ask(prompts.article(article, sources));
        if (!reply.ok()) {
            log.warning("LLM: " + article.source().origin() + ": " + reply.failure());
            return Draft.missing(reply);
        }
        return grounded(reply.text(), grounding(List.of(article)), article.source().origin());
    }

    private Story storyOf(Reported reported) {
        Story story = reported.story();
        List<AnalyzedArticle> reports = reported.reports();
        List<Draft> drafts = reported.drafts();
        if (reports.isEmpty()) {
            return story; // nothing to check a written summary against
        }
        Grounding grounding = grounding(reports);
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).ok()) {
                usable.add(i);
            }
        }
        Draft draft;
        if (usable.isEmpty()) {
            draft = drafts.get(0);
        } else if (usable.size() == 1) {
            draft = drafts.get(usable.get(0));
        } else {
            List<StoryPrompts.ReportSummary> summaries = usable.stream().map(i -> new StoryPrompts.ReportSummary(
                    reports.get(i).source().source(), drafts.get(i).sentences())).toList();
            LlmClient.Reply reply = client.ask(prompts.story(story, summaries));
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

    /** The model's headline when it reads as one and the reports support it, else the story's own. */
    private String headline(Story story, List<String> summary, Grounding grounding) {
        LlmClient.Reply reply = client.ask(prompts.headline(story, summary));
        if (!reply.ok()) {
            return story.headline();
        }
        Optional<String> written = Replies.headline(reply.text());
        if (written.isEmpty()) {
            return story.headline();
        }
        String line = written.get();
        String shape = Replies.headlineShape(line);
        Grounding.Verdict verdict = shape.isEmpty() ? grounding.checkHeadline(replies.tokenized(line))
                : new Grounding.Verdict(line, false, shape);
        if (!verdict.supported()) {
            dropped.incrementAndGet();
            log.progress("LLM: headline for '" + story.headline() + "' not used (" + verdict.reason() + "): " + line);
            return story.headline();
        }
        return line;
    }

    private List<Briefing.Highlight> executive(BriefingComposer.Composition composition, Map<String, Story> replacements) {
        Briefing briefing = composition.briefing();
        List<Briefing.Highlight> quoted = quotedHighlights(briefing, replacements);
        if (quoted.isEmpty()) {
            return quoted;
        }
        LlmClient.Reply reply = client.ask(prompts.executive(quoted.stream().map(Briefing.Highlight::story).toList()));
        if (!reply.ok()) {
            log.warning("LLM: executive summary: " + reply.failure() + "; its lines are quoted from the stories");
            return quoted;
        }
        Map<Integer, String> lines = Replies.numberedLines(reply.text());
        List<Briefing.Highlight> highlights = new ArrayList<>();
        for (int i = 0; i < quoted.size(); i++) {
            Briefing.Highlight highlight = quoted.get(i);
            String line = lines.get(i + 1);
            if (line == null || highlight.story().authorship().method() != Story.Authorship.Method.MODEL_WRITTEN) {
                highlights.add(highlight);
                continue;
            }
            Draft draft = grounded(line, grounding(composition.reportsOf(highlight.story())), "executive summary line " + (i + 1));
            highlights.add(draft.ok() && !draft.sentences().isEmpty()
                    ? new Briefing.Highlight(highlight.story(), String.join(" ",
                            SummaryTrimming.toWords(draft.sentences().subList(0, 1), StoryPrompts.EXECUTIVE_WORDS + 10)))
                    : highlight);
        }
        return highlights;
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
     * Splits a reply into sentences and keeps those the sources support. The draft fails when
     * nothing survives or fewer than half of the sentences do: such a summary says too little of
     * what the model meant to say to stand for it.
     */
    private Draft grounded(String reply, Grounding grounding, String what) {
        List<Sentence> sentences = replies.sentences(reply);
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

    private Grounding grounding(List<AnalyzedArticle> reports) {
        return Grounding.ofReports(reports, replies::tokenized);
    }

    /**
     * Runs one step; a bug or an unexpected reply in it costs that step its written text, never
     * the edition.
     */
    private <T> T safely(Supplier<T> step, Function<String, T> otherwise, String what) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            log.warning("LLM: " + what + ": " + e + "; keeping the extractive text");
            return otherwise.apply("failed: " + e.getMessage());
        }
    }

    /** The values of steps that cannot fail but by an error, which ends the edit. */
    private static <T> List<T> values(List<Parallel.Outcome<T>> outcomes) {
        List<T> values = new ArrayList<>(outcomes.size());
        for (Parallel.Outcome<T> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new LlmException("writing summaries failed: " + outcome.reason(), outcome.failure());
            }
            values.add(outcome.value());
        }
        return values;
    }
}
