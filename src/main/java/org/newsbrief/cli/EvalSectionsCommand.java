package org.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import org.newsbrief.evaluate.Lab;
import org.newsbrief.evaluate.SectionEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief eval-sections}: how often the section classifier gives labelled news items the
 * section their labels name, with a confusion table; or, with {@code --folds}, a cross-validation
 * of its training on the data set.
 */
@Command(
        name = "eval-sections",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the shipped section classifier on labelled news: accuracy, and a confusion table of true against "
                    + "chosen sections.",
            "Records are JSON Lines {\"id\", \"title\", \"text\", \"label\"}; the label may also stand in \"section\" or "
                    + "\"category\", or be the id's part before a slash (\"sport/042\"). Labels map onto sections as "
                    + "inputs' sections do (Sports is Sport, Sci/Tech and tech are Science and technology, "
                    + "entertainment is Culture and entertainment). A bad record is reported with its file and line, "
                    + "and skipped.",
            "When the labels name only some of the model's sections (AG News has no Politics and no Culture and "
                    + "entertainment), each record's section is chosen among the sections the labels name, since the "
                    + "labels cannot judge a choice outside them; the accuracy when choosing among all the model's "
                    + "sections, as a briefing does, is printed too."
        })
final class EvalSectionsCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE.jsonl", required = true, description = "The labelled data set.")
    private Path dataset;

    @Option(names = "--folds", paramLabel = "K", description = "Instead of measuring the shipped model, cross-validate: "
            + "record i is in fold i mod K, and each fold is measured by a model trained on the other folds and on "
            + "the --extra data.")
    private int folds;

    @Option(names = "--extra", paramLabel = "FILE.jsonl", description = "With --folds: labelled data every fold's model "
            + "is also trained on; repeat for several. Default: the shipped model's other training files, when they "
            + "lie beside --dataset.")
    private List<Path> extra;

    EvalSectionsCommand(Newsbrief newsbrief) {
        this.newsbrief = java.util.Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() throws IOException {
        if (folds == 1 || folds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2, was " + folds);
        }
        if (extra != null && folds == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--extra needs --folds");
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleLog log = new ConsoleLog(spec.commandLine().getErr());
        if (folds == 0) {
            Lab.SectionScores scores = newsbrief.lab().evaluateSections(dataset, log);
            out.printf("Sections of %s, by the shipped model%n", header(scores.records(), scores.skipped()));
            printOutcome(out, scores.outcome(), scores.labelled(), scores.sections());
        } else {
            Lab.SectionFolds result = Labs.call(spec,
                    () -> newsbrief.lab().crossValidateSections(dataset, folds, extra == null ? List.of() : extra, log));
            List<String> extraNames = result.extra().stream()
                    .map(file -> String.format(Locale.ROOT, "%s (%,d records)", file.name(), file.records())).toList();
            out.printf("%d-fold cross-validation on %s; record i is in fold i mod %d, and each fold is measured by a"
                    + " model trained on the other folds%s%n", folds, header(result.records(), result.skipped()), folds,
                    extraNames.isEmpty() ? "" : " and on " + String.join(" and ", extraNames));
            printFolds(out, result.result(), result.labelled(), result.sections());
            printOutcome(out, result.result().pooled(), result.labelled(), result.sections());
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private String header(int records, int skipped) {
        return String.format(Locale.ROOT, "%s: %,d records%s", dataset.getFileName(), records,
                skipped == 0 ? "" : String.format(Locale.ROOT, " (%,d lines skipped)", skipped));
    }

    private void printOutcome(PrintWriter out, SectionEvaluation.Outcome outcome, List<String> own, List<String> all) {
        SectionEvaluation.Confusion restricted = outcome.restricted();
        SectionEvaluation.Confusion unrestricted = outcome.unrestricted();
        boolean partial = own.size() < all.size();
        if (partial) {
            out.printf("The labels name %d of the model's %d sections, so each record's section is chosen among those %d:"
                    + " %s.%n", own.size(), all.size(), own.size(), String.join(", ", own));
        }
        out.println();
        String among = "accuracy among all " + all.size() + " sections";
        int width = partial ? among.length() : "accuracy".length();
        out.printf(Locale.ROOT, "%-" + width + "s  %.4f (%,d of %,d)%n", "accuracy", restricted.accuracy(),
                restricted.correct(), restricted.total());
        if (partial) {
            out.printf(Locale.ROOT, "%s  %.4f (%,d of %,d)%n", among, unrestricted.accuracy(), unrestricted.correct(),
                    unrestricted.total());
        }
        out.println();
        out.println("Rows: true section; columns: the section chosen" + (partial ? " among the labels' sections" : "") + ".");
        printTable(out, restricted);
        if (partial) {
            out.println();
            out.println("Rows: true section; columns: the section chosen among all the model's sections.");
            printTable(out, unrestricted);
        }
    }

    private void printFolds(PrintWriter out, SectionEvaluation.CrossValidation result, List<String> own, List<String> all) {
        boolean partial = own.size() < all.size();
        out.println();
        out.printf("%-8s %8s %9s%s%n", "fold", "records", "accuracy", partial ? "  among all " + all.size() : "");
        for (int f = 0; f < result.folds().size(); f++) {
            SectionEvaluation.Outcome fold = result.folds().get(f);
            out.printf(Locale.ROOT, "%-8d %,8d %9.4f%s%n", f + 1, fold.restricted().total(), fold.restricted().accuracy(),
                    partial ? String.format(Locale.ROOT, "  %11.4f", fold.unrestricted().accuracy()) : "");
        }
        out.printf(Locale.ROOT, "%-8s %8s %9.4f%s%n", "mean", "", result.meanRestricted(),
                partial ? String.format(Locale.ROOT, "  %11.4f", result.meanUnrestricted()) : "");
        out.printf(Locale.ROOT, "%-8s %,8d %9.4f%s%n", "overall", result.pooled().restricted().total(),
                result.pooled().restricted().accuracy(),
                partial ? String.format(Locale.ROOT, "  %11.4f", result.pooled().unrestricted().accuracy()) : "");
        out.println();
        out.println("Over all folds together:");
    }

    /** Rows named in full, columns by the first word of each section's name. */
    private static void printTable(PrintWriter out, SectionEvaluation.Confusion confusion) {
        int rowWidth = confusion.truths().stream().mapToInt(String::length).max().orElse(0);
        List<String> columns = confusion.chosen().stream().map(section -> section.split(" ")[0]).toList();
        int[][] counts = confusion.counts();
        StringBuilder line = new StringBuilder(" ".repeat(rowWidth));
        for (String column : columns) {
            line.append(String.format(Locale.ROOT, " %8s", column));
        }
        out.println(line.toString().stripTrailing());
        for (int r = 0; r < counts.length; r++) {
            line = new StringBuilder(String.format(Locale.ROOT, "%-" + rowWidth + "s", confusion.truths().get(r)));
            for (int count : counts[r]) {
                line.append(String.format(Locale.ROOT, " %8d", count));
            }
            out.println(line);
        }
    }
}
