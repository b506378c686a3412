package procshell.shell.iex;

/**
 * Elixir's {@code KeyError}, for {@code raise KeyError, "message"} and
 * {@code raise(KeyError, message: "message")} at the prompt; iex prints
 * {@code ** (KeyError) message}.
 */
public class KeyError extends RuntimeException implements BeamFrames {
    private final java.util.List<String> frames;
    /** The key looked for and where, when a lookup failed ({@link #notFound}); else null. */
    private final Object key;
    private final Object term;
    private final boolean lookup;
    /** The BEAM's error term when the BEAM raised it ({@code {:badkey, :a}}), else null (Elixir code raised it). */
    private Object erlangError;

    /** The message Elixir gives a {@code KeyError} raised without one. */
    public static final String DEFAULT_MESSAGE = "key nil not found";

    /** A KeyError with Elixir's default message, {@code "key nil not found"}. */
    public KeyError() {
        this(DEFAULT_MESSAGE);
    }

    /** @param message the text iex prints after {@code ** (KeyError) } */
    public KeyError(String message) {
        this(message, java.util.List.of());
    }

    /**
     * A KeyError raised by a BEAM function, which iex shows on top of the stack.
     *
     * @param message the text iex prints after {@code ** (KeyError) }
     * @param frames  the stack lines, innermost first, e.g. {@code (stdlib 4.2) :maps.get(:z, %{k: 1})}
     */
    public KeyError(String message, java.util.List<String> frames) {
        this(message, frames, null, null, false);
    }

    private KeyError(String message, java.util.List<String> frames, Object key, Object term, boolean lookup) {
        super(message);
        this.frames = java.util.List.copyOf(frames);
        this.key = key;
        this.term = term;
        this.lookup = lookup;
    }

    /**
     * A lookup of {@code key} in {@code term} failed, as {@code Map.fetch!/2} raises it: the message
     * {@code key :a not found in: %{}}, and the struct's {@code key} and {@code term} set (its
     * {@code message} nil, as Elixir's).
     *
     * @param frames the stack lines iex shows on top, innermost first (may be empty)
     */
    public static KeyError notFound(Object key, Object term, java.util.List<String> frames) {
        return new KeyError("key " + Kernel.inspect(key) + " not found in: " + Kernel.inspect(term), frames, key, term, true);
    }

    /** As {@link #notFound(Object, Object, java.util.List)} with no frames of its own. */
    public static KeyError notFound(Object key, Object term) {
        return notFound(key, term, java.util.List.of());
    }

    /**
     * Marks this error as one the BEAM raises itself, not Elixir code: a process it ends dies with
     * {@code {erlangError, stacktrace}} ({@code {:badkey, :a}} of {@code :maps.get/2} and
     * {@code Map.fetch!/2}, {@code {:badkey, :a, %{}}} of {@code map.a}) instead of the struct.
     *
     * @param error the Erlang error term
     * @return this error
     */
    public KeyError erlang(Object error) {
        this.erlangError = error;
        return this;
    }

    /** The BEAM's error term set by {@link #erlang}, or null when Elixir code raised this error. */
    public Object erlangError() {
        return erlangError;
    }

    /**
     * {@link #notFound} marked as the BEAM's {@code {:badkey, key}} (of {@code :maps.get/2},
     * {@code :maps.update/3}, {@code Map.fetch!/2}, {@code Map.update!/3}).
     */
    public static KeyError badkey(Object key, Object term, java.util.List<String> frames) {
        return notFound(key, term, frames).erlang(procshell.runtime.node.Tuple.of(procshell.runtime.node.Atom.of("badkey"), key));
    }

    /** {@link #notFound} marked as the BEAM's {@code {:badkey, key, map}} of {@code map.key}. */
    public static KeyError badkeyIn(Object key, Object term) {
        return notFound(key, term).erlang(procshell.runtime.node.Tuple.of(procshell.runtime.node.Atom.of("badkey"), key, term));
    }

    /** True when made by {@link #notFound}: the struct has the key and term, and no message. */
    boolean isLookup() {
        return lookup;
    }

    /** The key looked for, or null. */
    Object key() {
        return key;
    }

    /** The term it was looked for in, or null. */
    Object term() {
        return term;
    }

    @Override
    public java.util.List<String> beamFrames() {
        return frames;
    }
}
