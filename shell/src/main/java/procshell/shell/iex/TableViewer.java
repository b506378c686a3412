package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.table.TableInfo;
import procshell.shell.observer.Columns;

/**
 * Observer's Table Viewer as plain text: one row per table, with Observer's columns (Table Name,
 * Objects, Size (kB), Owner Pid, Owner Name, Table Id), sorted by table name, and cells spelled as
 * Observer spells them. A Registry named {@code Secret.Registry} with one partition shows as
 *
 * <pre>
 * Table Name                            Objects  Size (kB)  Owner Pid  Owner Name                            Table Id
 * Elixir.Secret.Registry                      2          2  &lt;0.188.0&gt;  Elixir.Secret.Registry
 * Elixir.Secret.Registry.KeyPartition0        0         26  &lt;0.189.0&gt;  Elixir.Secret.Registry.PIDPartition0  #Ref&lt;0.1490436292.0.5&gt;
 * Elixir.Secret.Registry.PIDPartition0        0         26  &lt;0.189.0&gt;  Elixir.Secret.Registry.PIDPartition0  #Ref&lt;0.1490436292.0.6&gt;
 * </pre>
 *
 * Names are the atoms' full texts ({@code Elixir.} included, never quoted, as Erlang's
 * {@code atom_to_list/1}), pids print as {@code <0.189.0>} and references as {@code #Ref<...>}
 * (Erlang's spellings, which Observer uses), Owner Name is blank for an unregistered owner and
 * Table Id blank for a named table. Numbers are right-aligned, text left-aligned; columns are
 * separated by two spaces, and no line ends in a space.
 */
public final class TableViewer {
    /** Observer's column headers, in its order. */
    public static final List<String> COLUMNS = List.of("Table Name", "Objects", "Size (kB)", "Owner Pid", "Owner Name", "Table Id");
    private static final boolean[] RIGHT = {false, true, true, false, false, false};

    /** Per column of {@link #COLUMNS}, true when right-aligned (the numbers). */
    public static boolean[] rightAligned() {
        return RIGHT.clone();
    }

    private TableViewer() {}

    /**
     * The whole view: the header line, then one line per table, sorted by table name (ties, two
     * unnamed tables with one name, in creation order), each line ending in a newline.
     *
     * <pre>{@code TableViewer.render(node.tables().infos())   // what the prompt's tables() prints}</pre>
     *
     * @param tables the rows, as {@link procshell.runtime.table.Tables#infos()} gives them (any order)
     * @return the text; the header alone when there are no tables
     */
    public static String render(List<TableInfo> tables) {
        List<TableInfo> sorted = sorted(tables);
        List<List<String>> rows = new ArrayList<>(sorted.size());
        for (TableInfo t : sorted) rows.add(cells(t));
        return Columns.text(Columns.lines(COLUMNS, RIGHT, rows));
    }

    /** The tables in the view's order: by name, two unnamed tables of one name in creation order. */
    public static List<TableInfo> sorted(List<TableInfo> tables) {
        List<TableInfo> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparing((TableInfo t) -> t.name().name()).thenComparingLong(t -> t.id().id()));
        return sorted;
    }

    /**
     * One table's cells, in {@link #COLUMNS} order, as Observer shows them: Table Name, Objects
     * ({@code :ets.info(t, :size)}), Size (kB) (the memory, rounded down), Owner Pid, Owner Name
     * (blank when the owner has no registered name) and Table Id (blank for a named table).
     *
     * <pre>{@code cells(info)   // ["Elixir.R.KeyPartition0", "1", "26", "<0.3.0>", "Elixir.R.PIDPartition0", "#Ref<0.89163608.0.4>"]}</pre>
     */
    public static List<String> cells(TableInfo t) {
        return List.of(t.name().name(), Long.toString(t.objects()), Long.toString(t.sizeKb()), pid(t.owner()),
                t.ownerName() == null ? "" : t.ownerName().name(), t.tableIdColumn() == null ? "" : ref(t.tableIdColumn()));
    }

    /**
     * A pid as Erlang (and Observer) prints it: {@code <0.189.0>} for iex's {@code #PID<0.189.0>}.
     */
    public static String pid(Pid pid) {
        String s = pid.toString();
        return s.startsWith("#PID") ? s.substring(4) : s;
    }

    /**
     * A reference as Erlang (and Observer) prints it: {@code #Ref<0.1490436292.0.5>} for iex's
     * {@code #Reference<0.1490436292.0.5>}.
     */
    public static String ref(Ref ref) {
        String s = ref.toString();
        return s.startsWith("#Reference<") ? "#Ref<" + s.substring("#Reference<".length()) : s;
    }
}
