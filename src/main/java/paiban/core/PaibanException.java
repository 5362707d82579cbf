package paiban.core;

/**
 * A failure a user can act on: the message names the file, the line or field, and the article,
 * and says what to do. The command line prints the message alone (no stack trace unless --debug).
 */
public class PaibanException extends RuntimeException {

    public PaibanException(String message) {
        super(message);
    }

    public PaibanException(String message, Throwable cause) {
        super(message, cause);
    }
}
