package org.newsbrief.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsbrief.config.ConfigLoader;
import org.newsbrief.config.NewsbriefConfig;
import org.newsbrief.config.SettingFlags;
import picocli.CommandLine;

/**
 * Turns a command's settings flags, and the configuration file it names, into settings. Only the
 * flags given on the command line count: defaults come from the one loader, so a flag and its key
 * in {@code newsbrief.yaml} mean the same and a flag wins over the file.
 */
final class CommandSettings {

    /** Set by the launcher script to the project folder, whose templates/ is then the default. */
    static final String HOME_PROPERTY = "newsbrief.home";

    private CommandSettings() {}

    /**
     * @param spec the command, parsed
     * @param file the configuration file, or {@code null}
     * @param purpose whether the file must name its sources
     * @return the settings
     * @throws org.newsbrief.config.ConfigException naming the flag, or the file, key and line, of every problem
     */
    static NewsbriefConfig load(CommandLine.Model.CommandSpec spec, Path file, ConfigLoader.Purpose purpose) {
        return new ConfigLoader().load(file, given(spec), purpose);
    }

    /**
     * As {@link #load}, with the project's templates when neither the file nor a flag names a folder,
     * as {@code generate} and {@code preview} want.
     */
    static NewsbriefConfig loadWithProjectTemplates(CommandLine.Model.CommandSpec spec, Path file) {
        NewsbriefConfig settings = load(spec, file, ConfigLoader.Purpose.COMMAND);
        if (settings.render().templates() == null && defaultTemplates() != null) {
            settings = settings.withTemplates(defaultTemplates());
        }
        return settings;
    }

    /** @return each settings flag given on the command line, with its values as written */
    static Map<String, List<String>> given(CommandLine.Model.CommandSpec spec) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            Optional<SettingFlags.Flag> flag = java.util.Arrays.stream(option.names()).map(SettingFlags::named)
                    .flatMap(Optional::stream).findFirst();
            if (flag.isEmpty()) {
                continue;
            }
            boolean yesNo = option.type() == boolean.class || option.type() == Boolean.class;
            given.put(flag.get().name(), yesNo ? List.of(String.valueOf((Object) option.getValue()))
                    : option.originalStringValues());
        }
        return given;
    }

    /** @return the project's templates/ beside the launcher, else ./templates, else {@code null} for the built-in set */
    static Path defaultTemplates() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && Files.isDirectory(Path.of(home, "templates"))) {
            return Path.of(home, "templates");
        }
        return Files.isDirectory(Path.of("templates")) ? Path.of("templates") : null;
    }
}
