/**
 * The {@code newsbrief} command line, with picocli: one class per subcommand. Each parses its
 * options into settings ({@link org.newsbrief.cli.CommandSettings}, through the one loader that also
 * reads {@code newsbrief.yaml}), calls one operation of the {@link org.newsbrief.Newsbrief} facade
 * (or of the {@link org.newsbrief.evaluate.Lab} it builds) and prints the outcome; run events are
 * printed by {@link org.newsbrief.cli.ConsoleLog}. Exit codes: 0 success, 1 failure (also when some
 * inputs were skipped), 2 bad usage.
 *
 * <p>No command assembles pipeline stages. The stage packages are imported only for the result
 * types a command prints, and only here:
 * <ul>
 *   <li>{@code ExtractCommand}: {@code nlp.AnalyzedArticle} and {@code nlp.Block}, the analyzed
 *       articles {@code extract} prints block by block, as text or JSON.</li>
 *   <li>{@code Reporting}: {@code ingest.Ingestion.Report} (what was read and skipped),
 *       {@code compose.Briefing.LeftOut} (what the briefing left out, and why) and
 *       {@code compose.EditReport} (what the briefing's editor did), which {@code --report} writes
 *       as JSON and standard error summarizes.</li>
 *   <li>{@code CheckTemplatesCommand}: {@code render.TemplateProblem}, each problem it prints, as a
 *       line or, with {@code --format json}, as an object.</li>
 *   <li>{@code RunCommand}: {@code deliver.Dispatcher.Planned} and {@code Dispatcher.Step}, each
 *       recipient's next step in the plan that {@code run --dry-run} prints.</li>
 * </ul>
 */
package org.newsbrief.cli;
