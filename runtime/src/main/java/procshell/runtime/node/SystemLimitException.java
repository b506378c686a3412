package procshell.runtime.node;

/**
 * A BEAM system limit was reached: the atom table, for one. Mirrors the {@code system_limit}
 * error ({@code ** (SystemLimitError) a system limit has been reached}).
 */
public class SystemLimitException extends RuntimeException {
    /** @param message what limit was reached, e.g. {@code no more index entries in atom_tab (max=1048576)} */
    public SystemLimitException(String message) {
        super(message);
    }
}
