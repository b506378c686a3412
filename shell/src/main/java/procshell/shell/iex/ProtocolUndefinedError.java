package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;

/**
 * Elixir's Protocol.UndefinedError, raised when a term's type does not implement a protocol, e.g.
 * {@code protocol String.Chars not implemented for {1, 2} of type Tuple} ({@code "#{{1, 2}}"}) or
 * {@code protocol Enumerable not implemented for {1, 2} of type Tuple}.
 */
@ElixirName("Protocol.UndefinedError")
public class ProtocolUndefinedError extends RuntimeException {
    /**
     * @param protocol the protocol's name, e.g. {@code "String.Chars"}
     * @param value    the term (inspected into the message)
     * @param type     the term's type as Elixir names it: {@code Tuple}, {@code PID}, {@code Map}, ...
     */
    public ProtocolUndefinedError(String protocol, Object value, String type) {
        super("protocol " + protocol + " not implemented for " + Inspect.inspect(value) + " of type " + type, null, false, true);
    }

    /** As above, with the implementation's own explanation after the type (", " + description). */
    public ProtocolUndefinedError(String protocol, Object value, String type, String description) {
        super("protocol " + protocol + " not implemented for " + Inspect.inspect(value) + " of type " + type + ", " + description, null, false, true);
    }
}
