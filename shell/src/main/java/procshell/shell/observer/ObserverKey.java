package procshell.shell.observer;

/** What a key does in {@code observer()}; {@link ObserverScreen} binds keys to these. */
public enum ObserverKey {
    /** {@code q}: leave. */
    QUIT,
    /** Tab: the next tab. */
    NEXT_TAB,
    /** {@code 1}: the process list. */
    PROCESSES,
    /** {@code 2}: the supervision trees. */
    TREES,
    /** {@code 3}: the Table Viewer. */
    TABLES,
    /** {@code 4}: the Ports tab. */
    PORTS,
    /** {@code r}: sort the process list by reductions; on a process page, read the page again. */
    SORT_REDUCTIONS,
    /** {@code m}: sort by memory. */
    SORT_MEMORY,
    /** {@code rr}: sort by reductions over the last refresh interval (observer_cli's {@code rr}). */
    SORT_REDUCTIONS_WINDOW,
    /** {@code mm}: sort by memory growth over the last refresh interval (observer_cli's {@code mm}). */
    SORT_MEMORY_WINDOW,
    /** {@code w}: switch the sort between totals and the last refresh interval. */
    TOGGLE_WINDOW,
    /** {@code Q}: sort by message queue length. */
    SORT_QUEUE,
    /** Up arrow: select the row above. */
    UP,
    /** Down arrow: select the row below. */
    DOWN,
    /** Page Up. */
    PAGE_UP,
    /** Page Down. */
    PAGE_DOWN,
    /** Enter: open the selected table, or the selected process's page. */
    OPEN,
    /** Esc, Backspace or {@code b}: back from a table's rows or a process page. */
    BACK,
    /** {@code k}: kill the selected process, or close the selected port (asks first). */
    KILL,
    /** {@code y}: yes, kill it. */
    YES,
    /** {@code n}: no. */
    NO,
    /** A key that does nothing. */
    NONE
}
