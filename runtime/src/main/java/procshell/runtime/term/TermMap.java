package procshell.runtime.term;

/**
 * A {@link java.util.Map} view of a {@link PersistentMap} (the shell's map term): lets the
 * runtime reach the persistent map behind it, for its cached hash and its structural equality.
 */
public interface TermMap {
    /** The immutable map this term holds now. */
    PersistentMap persistent();
}
