package org.newsbrief.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsbrief train}: rebuilds the project's learned models from public data. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trains a learned model from public data; the shipped models are rebuilt byte for byte.",
        subcommands = {TrainScorerCommand.class, TrainFrequenciesCommand.class, TrainSectionsCommand.class})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a model to train is needed: scorer, frequencies or sections");
    }
}
