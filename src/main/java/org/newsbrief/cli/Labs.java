package org.newsbrief.cli;

import java.io.IOException;
import org.newsbrief.evaluate.Lab;
import picocli.CommandLine;

/** How the measurement commands reach the lab, and how they report its complaints about their options. */
final class Labs {

    /** One call to the lab. */
    @FunctionalInterface
    interface Call<T> {

        /**
         * @return what the lab gave
         * @throws IOException when a file cannot be read or written
         */
        T run() throws IOException;
    }

    private Labs() {}

    /**
     * Runs a call to the lab; an argument it finds bad, named by its option, is bad input to the
     * command: exit 2 with a pointer to its help.
     *
     * @param spec the command
     * @param call the call
     * @return what the lab gave
     * @throws IOException when the lab could not read or write a file
     */
    static <T> T call(CommandLine.Model.CommandSpec spec, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (Lab.OptionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * @param spec a command that mixes in {@link SummaryOptions}
     * @return the length limits given on its command line, as given
     */
    static Lab.Length length(CommandLine.Model.CommandSpec spec) {
        return new Lab.Length(spec.findOption("--sentences").getValue(), spec.findOption("--words").getValue(),
                spec.findOption("--bytes").getValue(), spec.findOption("--ratio").getValue());
    }
}
