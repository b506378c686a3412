package procshell.runtime.dist;

/**
 * A distribution handshake that failed: the peer refused us (a wrong cookie, a name in use), spoke
 * an older protocol, or sent bytes that are no handshake message. {@link #logLine()}, when not
 * null, is what the BEAM logs for the same failure.
 */
public final class HandshakeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String logLine;

    /**
     * @param message what went wrong, for the caller
     * @param logLine the BEAM's log line for it (e.g. {@code ** Connection attempt from node
     *                :b@localhost rejected. Invalid challenge reply. **}), or null for none
     */
    public HandshakeException(String message, String logLine) {
        super(message);
        this.logLine = logLine;
    }

    /** The line to log, or null. */
    public String logLine() {
        return logLine;
    }
}
