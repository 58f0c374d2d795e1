package org.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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
        if (e instanceof NewsbriefException known && known.isBadInput()) {
            e.getMessage().lines().forEach(line -> err.println("newsbrief: " + line));
            printTrace(e, parseResult, err);
            return CommandLine.ExitCode.USAGE;
        }
        String message;
        if (e instanceof NoSuchFileException missing) {
            message = missing.getFile() + ": no such file or folder";
        } else if (e instanceof AccessDeniedException denied) {
            message = denied.getFile() + ": permission denied";
        } else if (e instanceof NewsbriefException || e instanceof IOException && e.getMessage() != null) {
            message = e.getMessage();
        } else {
            message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
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
