package org.newsbrief.cli;

import java.io.PrintWriter;
import org.newsbrief.NewsbriefException;
import picocli.CommandLine;

/**
 * Turns failures into one line on standard error: exit 2 for bad usage (with a pointer to
 * {@code --help}), exit 1 for everything else. {@code --verbose} adds the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println("newsbrief: " + e.getMessage());
            printTrace(e, parseResult, err);
            return CommandLine.ExitCode.USAGE;
        }
        String message = e instanceof NewsbriefException || e.getMessage() != null && e instanceof java.io.IOException
                ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        err.println("newsbrief: " + message);
        printTrace(e, parseResult, err);
        return CommandLine.ExitCode.SOFTWARE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("newsbrief: " + e.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        return CommandLine.ExitCode.USAGE;
    }

    private static void printTrace(Exception e, CommandLine.ParseResult parseResult, PrintWriter err) {
        if (parseResult.expandedArgs().contains("--verbose")) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
