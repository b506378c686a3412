package procshell.shell.observer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessSample;
import procshell.runtime.table.TermCompare;

/**
 * The process list of another node, read over rpc as Observer reads a remote node: the pids of
 * {@code :erlang.processes/0} and, per process, one {@code :erlang.process_info/2} of the list's
 * figures. Rows come sorted, largest first, ties in pid order; over a window (see
 * {@link #advance}) the reductions and memory are what each process did between the last two
 * refreshes, as observer_cli's {@code rr}/{@code mm}.
 */
final class RemoteProcesses {
    /**
     * One process's row.
     *
     * @param pid        the pid
     * @param name       its registered name, else its initial call as {@code proc_lib} translates it
     * @param reductions reductions (total, or in the window)
     * @param memory     bytes (total, or growth in the window)
     * @param queue      messages queued
     * @param current    its current function
     */
    record Row(Pid pid, String name, long reductions, long memory, long queue, String current) {
        List<String> cells() {
            return List.of(ErlangText.pid(pid), name, Long.toString(reductions), Long.toString(memory), Long.toString(queue), current);
        }
    }

    private static final List<Atom> ITEMS = List.of(Atom.of("registered_name"), Atom.of("initial_call"), Atom.of("reductions"),
            Atom.of("memory"), Atom.of("message_queue_len"), Atom.of("current_function"), Atom.of("dictionary"));
    private static final boolean[] RIGHT = {false, false, true, true, true, false};

    private final RpcNode node;
    private Map<Pid, long[]> last = new HashMap<>();
    private Map<Pid, long[]> delta = new HashMap<>();
    private long lastNanos = System.nanoTime();
    private long intervalMillis;

    RemoteProcesses(RpcNode node) {
        this.node = node;
    }

    /** The window's length in ms (0 before the second refresh). */
    long intervalMillis() {
        return intervalMillis;
    }

    /** Reads every process's figures now; a process that died meanwhile is left out. */
    List<Row> read() {
        List<Row> rows = new ArrayList<>();
        for (Pid pid : node.processes()) {
            List<Tuple> info = node.info(pid, ITEMS);
            if (info != null) rows.add(row(pid, info));
        }
        return rows;
    }

    /** A refresh: the window's deltas become those between the figures now and at the last refresh. */
    void advance() {
        Map<Pid, long[]> now = new HashMap<>();
        Map<Pid, long[]> d = new HashMap<>();
        for (Row r : read()) {
            long[] figures = {r.reductions(), r.memory()};
            long[] before = last.get(r.pid());
            now.put(r.pid(), figures);
            d.put(r.pid(), before == null ? figures : new long[] {figures[0] - before[0], figures[1] - before[1]});
        }
        long t = System.nanoTime();
        intervalMillis = (t - lastNanos) / 1_000_000;
        lastNanos = t;
        last = now;
        delta = d;
    }

    /**
     * The rows sorted by {@code key}, largest first.
     *
     * @param windowed true for the window's reductions and memory instead of the totals
     */
    List<Row> sorted(ProcessSample.SortKey key, boolean windowed) {
        List<Row> rows = new ArrayList<>();
        for (Row r : read()) {
            long[] d = windowed ? delta.getOrDefault(r.pid(), new long[2]) : null;
            rows.add(d == null ? r : new Row(r.pid(), r.name(), d[0], d[1], r.queue(), r.current()));
        }
        Comparator<Row> by = switch (key) {
            case REDUCTIONS -> Comparator.comparingLong(Row::reductions);
            case MEMORY -> Comparator.comparingLong(Row::memory);
            case MESSAGE_QUEUE_LEN -> Comparator.comparingLong(Row::queue);
        };
        rows.sort(by.reversed().thenComparing((a, b) -> TermCompare.compare(a.pid(), b.pid())));
        return rows;
    }

    /** The header and the rows' lines, with {@link ProcessList}'s columns (the window's when {@code windowed}). */
    static List<String> lines(List<Row> rows, boolean windowed) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) cells.add(r.cells());
        return Columns.lines(windowed ? ProcessList.WINDOW_COLUMNS : ProcessList.COLUMNS, RIGHT, cells);
    }

    private static Row row(Pid pid, List<Tuple> info) {
        Map<String, Object> v = new HashMap<>();
        for (Tuple t : info) v.put(((Atom) t.get(0)).name(), t.get(1));
        Object initial = v.get("initial_call");
        if (Tuple.of(Atom.of("proc_lib"), Atom.of("init_p"), 5).equals(initial) && v.get("dictionary") instanceof List<?> dict) {
            for (Object kv : dict) if (kv instanceof Tuple t && t.size() == 2 && Atom.of("$initial_call").equals(t.get(0))) initial = t.get(1);
        }
        String name = v.get("registered_name") instanceof Atom a ? a.name() : initial instanceof Tuple t ? ErlangText.mfa(t) : "";
        return new Row(pid, name, number(v.get("reductions")), number(v.get("memory")), number(v.get("message_queue_len")),
                v.get("current_function") instanceof Tuple t ? ErlangText.mfa(t) : String.valueOf(v.get("current_function")));
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
