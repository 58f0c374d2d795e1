package org.newsbrief.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsbrief.Newsbrief;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsbrief email-picture}: a message from the outbox drawn as a phone's mail program shows
 * it, as a PDF for {@code pdftoppm}. It makes the README's picture of the email, so it is not
 * listed among the commands.
 */
@Command(
        name = "email-picture",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Draws FILE.eml as a phone's mail program shows it (headers, HTML body, attachments) on one "
                + "page of a PDF; remote images are not fetched. Makes the README's picture of the email.")
final class EmailPictureCommand implements Callable<Integer> {

    private final Newsbrief newsbrief;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.eml", description = "A message, such as one in the outbox.")
    private Path eml;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "Where the PDF goes.")
    private Path out;

    EmailPictureCommand(Newsbrief newsbrief) {
        this.newsbrief = java.util.Objects.requireNonNull(newsbrief, "newsbrief");
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(eml)) {
            throw new CommandLine.ParameterException(spec.commandLine(), eml + ": no such file");
        }
        newsbrief.drawMessage(eml, out, new ConsoleLog(spec.commandLine().getErr()));
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }
}
