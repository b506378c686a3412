package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.observe.ProcessRanking;
import procshell.runtime.observe.ProcessSample;
import procshell.runtime.observe.ProcessWindow;
import procshell.runtime.process.LocalProcess;

/**
 * Observer's Processes tab as text: columns Pid, Name or Initial Call, Reductions, Memory (bytes,
 * an estimate), MsgQ and Current Function, one row per process, largest first by the chosen sort
 * key. Only the rows asked for are read in full and formatted, so a view of 40 rows out of
 * 100,000 processes costs a {@link ProcessRanking} (one figure per process, a sort of primitive
 * keys) and 40 formatted rows.
 *
 * <pre>
 * Pid        Name or Initial Call     Reductions  Memory  MsgQ  Current Function
 * &lt;0.118.0&gt;  Elixir.MySup                      3    2240     0  gen_server:loop/7
 * &lt;0.125.0&gt;  Elixir.Worker:init/1              1    2144     0  gen_server:loop/7
 * </pre>
 */
public final class ProcessList {
    /** The column headers, in Observer's order. */
    public static final List<String> COLUMNS = List.of("Pid", "Name or Initial Call", "Reductions", "Memory", "MsgQ", "Current Function");
    /** The column headers over a sliding window: reductions and memory growth in the window. */
    public static final List<String> WINDOW_COLUMNS = List.of("Pid", "Name or Initial Call", "Reductions Δ", "Memory Δ", "MsgQ", "Current Function");
    private static final boolean[] RIGHT = {false, false, true, true, true, false};

    private ProcessList() {}

    /**
     * The header and the rows of ranks {@code from} (0-based) to {@code from + count}, each
     * process's figures read as its row is formatted; a process that died since the ranking shows
     * as {@code (exited)}.
     *
     * @return {@code 1 + min(count, ranking.size() - from)} lines, without newlines
     */
    public static List<String> lines(ProcessRanking ranking, int from, int count) {
        return lines(ranking, from, count, null);
    }

    /**
     * As {@link #lines(ProcessRanking, int, int)}; with a window, the Reductions and Memory columns
     * ({@link #WINDOW_COLUMNS}) hold what each process did in the window (see {@link ProcessWindow}).
     *
     * @param window the window, or null for the totals
     */
    public static List<String> lines(ProcessRanking ranking, int from, int count, ProcessWindow window) {
        int end = (int) Math.min(ranking.size(), (long) from + Math.max(0, count));
        List<List<String>> rows = new ArrayList<>(Math.max(0, end - from));
        for (int i = Math.max(0, from); i < end; i++) {
            ProcessSample s = ranking.sample(i);
            if (s == null) rows.add(List.of(ErlangText.pid(ranking.pid(i)), "(exited)", "", "", "", ""));
            else if (window == null) rows.add(cells(s));
            else rows.add(cells(new ProcessSample(s.process(), window.reductions(s.process()), window.memory(s.process()), s.messageQueueLen())));
        }
        return Columns.lines(window == null ? COLUMNS : WINDOW_COLUMNS, RIGHT, rows);
    }

    /** One row's cells, in {@link #COLUMNS} order. */
    public static List<String> cells(ProcessSample s) {
        LocalProcess p = s.process();
        Atom name = p.registeredName();
        return List.of(ErlangText.pid(p.pid()),
                name != null ? name.name() : ErlangText.mfa(ProcessFacts.translatedInitialCall(p)),
                Long.toString(s.reductions()), Long.toString(s.memory()), Integer.toString(s.messageQueueLen()),
                ErlangText.mfa(ProcessFacts.currentFunction(p)));
    }

    /**
     * The sort key for a name as typed at the prompt: {@code :reductions} (or {@code :r}),
     * {@code :memory} ({@code :m}), {@code :message_queue_len} ({@code :msgq}, {@code :q}).
     *
     * @throws IllegalArgumentException for anything else, naming the keys
     */
    public static ProcessSample.SortKey sortKey(Object key) {
        String k = key instanceof Atom a ? a.name() : String.valueOf(key);
        return switch (k) {
            case "reductions", "r" -> ProcessSample.SortKey.REDUCTIONS;
            case "memory", "m" -> ProcessSample.SortKey.MEMORY;
            case "message_queue_len", "msgq", "q" -> ProcessSample.SortKey.MESSAGE_QUEUE_LEN;
            default -> throw new IllegalArgumentException("unknown sort key " + k
                    + "; processes() sorts by :reductions, :memory or :message_queue_len");
        };
    }
}
