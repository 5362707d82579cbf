package paiban.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a thin shell over the pipeline stages; it holds no layout logic. */
@Command(name = "paiban", mixinStandardHelpOptions = true, version = "paiban 0.1.0",
        description = "Chinese newspaper typesetting: from an issue folder to print, archive and email PDFs.",
        subcommands = {BuildCommand.class, SendCommand.class, CheckCommand.class, SiteCommand.class, FontsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
