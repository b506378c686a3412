package procshell.runtime.table;

/**
 * The ArgumentErrors that ETS functions raise, with OTP 25's texts, e.g.
 * <pre>
 * errors were found at the given arguments:
 *
 *   * 1st argument: the table identifier does not refer to an existing ETS table
 * </pre>
 * Thrown as {@link IllegalArgumentException}, which the shell prints as {@code ** (ArgumentError)}.
 */
public final class TableErrors {
    private TableErrors() {}

    /** An error about the argument at 1-based {@code position}. */
    public static IllegalArgumentException argument(int position, String what) {
        return new IllegalArgumentException("errors were found at the given arguments:\n\n  * " + ordinal(position)
                + " argument: " + what + "\n");
    }

    /** ETS's bare {@code badarg} ({@code argument error}): an object shorter than the key position. */
    public static IllegalArgumentException plain() {
        return new IllegalArgumentException("argument error");
    }

    /** The table is gone (deleted, or its owner died) or never existed. */
    public static IllegalArgumentException noTable() {
        return argument(1, "the table identifier does not refer to an existing ETS table");
    }

    /** A protected table written by another process, or a private one touched by another process. */
    public static IllegalArgumentException accessRights() {
        return argument(1, "the table identifier refers to an ETS table with insufficient access rights");
    }

    /** {@code :ets.new/2} with a name that a named table already has. */
    public static IllegalArgumentException nameExists() {
        return argument(1, "table name already exists");
    }

    /** A match specification that does not compile. */
    public static IllegalArgumentException badMatchSpec() {
        return argument(2, "not a valid match specification");
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
