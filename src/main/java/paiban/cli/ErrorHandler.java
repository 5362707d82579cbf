package paiban.cli;

import paiban.core.PaibanException;
import picocli.CommandLine;

/**
 * Prints a {@link PaibanException} as its message alone: a tired editor needs the file, line and
 * remedy, not a stack trace. Anything else is a bug in paiban and says so. The command's own
 * --debug, read from its parse result, shows the trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (debug(cl.getParseResult())) e.printStackTrace();
        if (e instanceof PaibanException) {
            System.err.println("paiban: " + e.getMessage());
            return 1;
        }
        System.err.println("paiban: internal error (" + e + "); run again with --debug and report it");
        return 70;
    }

    /** True when the command that failed was given --debug (and has such an option). */
    static boolean debug(CommandLine.ParseResult parsed) {
        return parsed != null && parsed.hasMatchedOption("--debug") && Boolean.TRUE.equals(parsed.matchedOptionValue("--debug", false));
    }
}
