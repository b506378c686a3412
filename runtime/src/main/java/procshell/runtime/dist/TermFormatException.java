package procshell.runtime.dist;

/**
 * Bytes that are no valid external term (truncated, an unknown tag, a length beyond the data or
 * a limit, invalid UTF-8 in an atom), or a term that cannot be encoded (a Groovy closure, an atom
 * over 255 characters). Carries the offending byte offset when decoding.
 */
public final class TermFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, e.g. {@code unknown tag 200 at byte 7} */
    public TermFormatException(String message) {
        super(message);
    }
}
