package procshell.shell.observer;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.OpenPort;
import procshell.runtime.observe.OpenPorts;
import procshell.runtime.observe.ProcessRanking;
import procshell.runtime.observe.ProcessSample;
import procshell.runtime.observe.ProcessWindow;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableInfo;
import procshell.runtime.table.TermCompare;
import procshell.shell.iex.IexSession;
import procshell.shell.iex.TableViewer;

/**
 * What {@code observer()} shows and how keys change it, apart from any terminal: four tabs (the
 * process list, the supervision trees, the Table Viewer and a table's rows, the Ports), a selected
 * row, the page of the selected process (Enter, see {@link ProcessPage}), the kill of the selected
 * process and the close of the selected port. The node is this one, or another read over rpc
 * ({@link RpcNode}, {@link RemoteProcesses}, {@link RemoteTrees}, {@link RemoteTabs}). {@link #frame(int, int)} draws one screenful from the node's state now;
 * {@link #handle(ObserverKey)} applies a key; {@link #refresh()} marks a refresh interval (the
 * sliding window of {@code rr}/{@code mm} moves on, an open page is read again). Trees are read
 * with calls made by the calling process, so frames are drawn from a process (the shell's).
 *
 * <p>The process list ranks every process by one lock-free figure (see {@link ProcessRanking}),
 * the total or its growth in the last refresh interval (see {@link ProcessWindow}), and reads and
 * formats only the rows on screen.
 */
public final class ObserverView {
    /** The tabs, in order. */
    public enum Tab {
        /** Observer's Processes tab. */
        PROCESSES("Processes"),
        /** Observer's Applications tab: the supervision trees. */
        TREES("Supervision Trees"),
        /** Observer's Table Viewer. */
        TABLES("Table Viewer"),
        /** Observer's Ports tab and observer_cli's inet view: sockets and the distribution's connections. */
        PORTS("Ports");

        final String title;

        Tab(String title) {
            this.title = title;
        }
    }

    /** Children shown per supervisor in the trees tab (the rest are counted on one line). */
    static final int MAX_CHILDREN = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final AttributedStyle SELECTED = AttributedStyle.INVERSE;
    private static final AttributedStyle HEADER = AttributedStyle.BOLD;
    private static final AttributedStyle RESTARTED = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold();

    private final IexSession session;
    private final ObservedNode observed;
    /** The local node's window; null when observing another node. */
    private final ProcessWindow window;
    /** Another node observed over rpc, or null for the session's own. */
    private final RpcNode remote;
    private final RemoteProcesses remoteProcesses;
    private final RemoteTabs remoteTabs;
    private final RemoteTrees remoteTrees;
    private Tab tab = Tab.PROCESSES;
    private ProcessSample.SortKey sortKey = ProcessSample.SortKey.REDUCTIONS;
    /** True when the process list sorts and shows the last refresh interval's figures. */
    private boolean windowed;
    /** The process page shown over the tab, or null. */
    private ProcessPage page;
    private int pageTop;
    private final int[] selected = new int[Tab.values().length];
    private final int[] top = new int[Tab.values().length];
    /** The table whose rows are shown, or null. */
    private Ref openTable;
    private int openSelected;
    private int openTop;
    private String status = "";
    private Pid pendingKill;
    /** A port the person was asked to confirm closing, or null. */
    private OpenPort pendingClose;
    /** The selectable items of the last frame (pids, tables) by index, and how many body rows showed. */
    private java.util.function.IntFunction<Object> itemAt = i -> null;
    private int itemCount;
    private int bodyRows = 1;
    private long lastFrameNanos;

    /** A view of the session's node, on the process list sorted by reductions. */
    public ObserverView(IexSession session) {
        this(session, null);
    }

    /**
     * A view of another node, read over rpc (see {@link RpcNode}): the process list (sorts and
     * windows as for this node) and process pages; null or this node's own name gives the local view.
     */
    public ObserverView(IexSession session, Atom node) {
        this.session = session;
        boolean local = node == null || node.equals(session.node().name());
        this.remote = local ? null : new RpcNode(node);
        this.remoteProcesses = local ? null : new RemoteProcesses(remote);
        this.remoteTabs = local ? null : new RemoteTabs(remote);
        this.remoteTrees = local ? null : new RemoteTrees(remote);
        this.observed = local ? new LocalNode(session.node()) : remote;
        this.window = local ? new ProcessWindow(session.node()) : null;
    }

    /**
     * Marks a refresh interval, as the screen does every {@link ObserverScreen#REFRESH_MS}: the
     * window of the {@code rr}/{@code mm} sorts becomes the time since the last refresh, and an open
     * process page is read again (its state only on {@code r}, as reading it may wait).
     */
    public void refresh() {
        try {
            if (remote != null) remoteProcesses.advance();
            else window.advance();
        } catch (RpcNode.NodeUnreachable e) {
            status = e.getMessage();
        }
        if (page != null && page.alive()) page.refresh(observed, false);
    }

    /** The tab shown. */
    public Tab tab() {
        return tab;
    }

    /** How long the last {@link #frame} took, in nanoseconds. */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    /**
     * Applies a key.
     *
     * @return false when the key leaves the observer ({@code q})
     */
    public boolean handle(ObserverKey key) {
        if (pendingClose != null) {
            OpenPort port = pendingClose;
            pendingClose = null;
            if (key == ObserverKey.YES) {
                port.closer().run();
                status = "Closed " + port.id() + " (" + port.type() + ")";
            } else {
                status = "Not closed";
            }
            return true;
        }
        if (pendingKill != null) {
            Pid pid = pendingKill;
            pendingKill = null;
            if (key == ObserverKey.YES) {
                observed.kill(pid);
                status = "Killed " + Inspect.inspect(pid) + " (exit signal :kill)";
                if (page != null && page.pid().equals(pid)) {
                    page.refresh(observed, false);
                    page.note("killed from this page with exit signal :kill");
                }
            } else {
                status = "Not killed";
            }
            return true;
        }
        status = "";
        if (page != null && pageKey(key)) return key != ObserverKey.QUIT;
        switch (key) {
            case QUIT -> {
                return false;
            }
            case NEXT_TAB -> show(Tab.values()[(tab.ordinal() + 1) % Tab.values().length]);
            case PROCESSES -> show(Tab.PROCESSES);
            case TREES -> show(Tab.TREES);
            case TABLES -> show(Tab.TABLES);
            case PORTS -> show(Tab.PORTS);
            case SORT_REDUCTIONS -> sortBy(ProcessSample.SortKey.REDUCTIONS, false);
            case SORT_MEMORY -> sortBy(ProcessSample.SortKey.MEMORY, false);
            case SORT_QUEUE -> sortBy(ProcessSample.SortKey.MESSAGE_QUEUE_LEN, windowed);
            case SORT_REDUCTIONS_WINDOW -> sortBy(ProcessSample.SortKey.REDUCTIONS, true);
            case SORT_MEMORY_WINDOW -> sortBy(ProcessSample.SortKey.MEMORY, true);
            case TOGGLE_WINDOW -> sortBy(sortKey, !windowed);
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-bodyRows);
            case PAGE_DOWN -> move(bodyRows);
            case OPEN -> open();
            case BACK -> openTable = null;
            case KILL -> {
                if (tab == Tab.PORTS) askClose();
                else askKill();
            }
            default -> { }
        }
        return true;
    }

    /**
     * A key on an open process page: scroll, {@code r} reads the page again (state included),
     * {@code k} kills, Esc/b goes back to the list; true when the key was the page's. A key that
     * changes tab closes the page and is then applied as on the list.
     */
    private boolean pageKey(ObserverKey key) {
        switch (key) {
            case QUIT -> {
                return true;
            }
            case BACK -> page = null;
            case UP -> pageTop = Math.max(0, pageTop - 1);
            case DOWN -> pageTop++;
            case PAGE_UP -> pageTop = Math.max(0, pageTop - bodyRows);
            case PAGE_DOWN -> pageTop += bodyRows;
            case SORT_REDUCTIONS -> {
                if (page.alive()) page.refresh(observed, true);
                status = page.alive() ? "Read again" : Inspect.inspect(page.pid()) + " is dead";
            }
            case KILL -> {
                if (!page.alive()) {
                    status = Inspect.inspect(page.pid()) + " is dead already";
                } else {
                    pendingKill = page.pid();
                    status = "Kill " + Inspect.inspect(page.pid()) + "? y/n";
                }
            }
            case NEXT_TAB, PROCESSES, TREES, TABLES, PORTS -> {
                page = null;
                return false;
            }
            default -> { }
        }
        return true;
    }

    private void show(Tab t) {
        tab = t;
        openTable = null;
        page = null;
    }

    private void sortBy(ProcessSample.SortKey k, boolean overWindow) {
        show(Tab.PROCESSES);
        sortKey = k;
        windowed = overWindow;
    }

    private void move(int by) {
        if (openTable != null) openSelected = Math.max(0, openSelected + by);
        else selected[tab.ordinal()] = Math.max(0, selected[tab.ordinal()] + by);
    }

    private Object selectedItem() {
        int i = selected[tab.ordinal()];
        return i < itemCount ? itemAt.apply(i) : null;
    }

    private void open() {
        if (tab == Tab.TABLES && openTable == null && selectedItem() instanceof TableInfo t) {
            openTable = t.id();
            openSelected = 0;
            openTop = 0;
        } else if (tab != Tab.TABLES && selectedItem() instanceof Pid pid) {
            page = ProcessPage.open(observed, pid);
            pageTop = 0;
        }
    }

    private void askClose() {
        if (!(selectedItem() instanceof OpenPort port)) {
            status = "Select a port to close";
        } else if (port.closer() == null) {
            status = port.type() + " is the node's own and is not closed from here";
        } else {
            pendingClose = port;
            status = "Close " + port.id() + " (" + port.type() + " " + OpenPort.address(port.local()) + ")? y/n";
        }
    }

    private void askKill() {
        if (openTable != null || !(selectedItem() instanceof Pid pid)) {
            status = "Select a process to kill (in the process list or a tree)";
            return;
        }
        pendingKill = pid;
        status = "Kill " + Inspect.inspect(pid) + "? y/n";
    }

    /**
     * Draws one screenful: title, tab bar, status line, column headers, rows, key help.
     *
     * @param width  columns
     * @param height rows (at least 6 are used)
     * @return exactly {@code height} lines, none wider than {@code width}
     */
    public List<AttributedString> frame(int width, int height) {
        long t0 = System.nanoTime();
        Node node = session.node();
        List<AttributedString> out = new ArrayList<>(height);
        String what = remote != null ? remote.name().name() + " (over rpc from " + node.name().name() + ")"
                : node.name().name() + "  " + node.processCount() + " processes  " + node.tables().infos().size() + " tables";
        out.add(new AttributedString("procshell observer  " + what + "  " + TIME.format(LocalTime.now())
                + "  frame " + lastFrameNanos / 1_000_000 + " ms", HEADER));
        out.add(tabBar());
        bodyRows = Math.max(1, height - 5);
        Body body;
        try {
            body = page != null ? page(width) : remote != null ? remoteBody() : switch (tab) {
                case PROCESSES -> processes();
                case TREES -> trees();
                case TABLES -> openTable == null ? tables() : rows();
                case PORTS -> ports();
            };
        } catch (RpcNode.NodeUnreachable e) {
            status = e.getMessage();
            itemCount = 0;
            body = new Body("", List.of());
        }
        out.add(new AttributedString(status));
        out.add(body.header);
        out.addAll(body.lines);
        while (out.size() < height - 1) out.add(AttributedString.EMPTY);
        out.add(new AttributedString(help()));
        List<AttributedString> clipped = new ArrayList<>(height);
        for (int i = 0; i < Math.min(height, out.size()); i++) {
            AttributedString l = out.get(i);
            clipped.add(l.columnLength() > width ? l.columnSubSequence(0, width) : l);
        }
        lastFrameNanos = System.nanoTime() - t0;
        return clipped;
    }

    /** A tab's header line and visible body rows. */
    private record Body(AttributedString header, List<AttributedString> lines) {
        Body(String header, List<AttributedString> lines) {
            this(new AttributedString(header, HEADER), lines);
        }
    }

    private Body page(int width) {
        List<AttributedString> lines = page.lines(session.inspectOptions(), width);
        pageTop = Math.max(0, Math.min(pageTop, lines.size() - 1 - bodyRows));
        List<AttributedString> body = new ArrayList<>(lines.subList(1 + pageTop, Math.min(lines.size(), 1 + pageTop + bodyRows)));
        return new Body(lines.get(0), body);
    }

    private AttributedString tabBar() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (Tab t : Tab.values()) {
            b.append(" ");
            b.append(" " + (t.ordinal() + 1) + " " + t.title + " ", t == tab ? SELECTED : AttributedStyle.DEFAULT);
        }
        return b.toAttributedString();
    }

    private String help() {
        if (page != null) return "↑↓ scroll  r read again (state too)  k kill  Esc/b back  q quit";
        if (tab == Tab.PORTS) return "Tab/1-4 tabs  ↑↓ select  k close the port (as Port.close)  q quit";
        if (tab == Tab.TABLES) {
            return openTable == null ? "Tab/1-4 tabs  ↑↓ select  Enter open table  q quit"
                    : "↑↓ scroll  Esc/b back to the tables  q quit";
        }
        String sort = tab == Tab.PROCESSES ? "sort: r/rr reductions  m/mm memory  Q msg queue  w total/window (now " + sortName() + ")  " : "";
        return "Tab/1-4 tabs  ↑↓ select  Enter process page  " + sort + "k kill  q quit";
    }

    private String sortName() {
        String name = switch (sortKey) {
            case REDUCTIONS -> "reductions";
            case MEMORY -> "memory";
            case MESSAGE_QUEUE_LEN -> "msg queue";
        };
        if (!windowed || sortKey == ProcessSample.SortKey.MESSAGE_QUEUE_LEN) return name;
        long ms = remote != null ? remoteProcesses.intervalMillis() : window.intervalMillis();
        return name + " over the last refresh, " + ms + " ms";
    }

    /** Clamps the selection, scrolls it into view, returns the first visible index. */
    private int scroll(int size) {
        int i = tab.ordinal();
        selected[i] = Math.max(0, Math.min(selected[i], size - 1));
        if (selected[i] < top[i]) top[i] = selected[i];
        if (selected[i] >= top[i] + bodyRows) top[i] = selected[i] - bodyRows + 1;
        top[i] = Math.max(0, Math.min(top[i], Math.max(0, size - bodyRows)));
        return top[i];
    }

    private AttributedString row(String text, boolean isSelected, boolean restarted) {
        AttributedStyle style = restarted ? RESTARTED : AttributedStyle.DEFAULT;
        return new AttributedString(text, isSelected ? style.inverse() : style);
    }

    private Body processes() {
        ProcessRanking ranking = windowed ? ProcessRanking.of(session.node(), p -> window.valueOf(sortKey, p))
                : ProcessRanking.of(session.node(), sortKey);
        int from = scroll(ranking.size());
        List<String> lines = ProcessList.lines(ranking, from, bodyRows, windowed ? window : null);
        itemAt = ranking::pid;
        itemCount = ranking.size();
        List<AttributedString> body = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) body.add(row(lines.get(k), from + k - 1 == selected[tab.ordinal()], false));
        return new Body(lines.get(0), body);
    }

    /** Another node's tab, read over rpc: its processes, supervision trees, tables or ports. */
    private Body remoteBody() {
        if (tab == Tab.TABLES) {
            List<List<String>> tables = remoteTabs.tables();
            return listBody(Columns.lines(TableViewer.COLUMNS, TableViewer.rightAligned(), tables), i -> null, tables.size());
        }
        if (tab == Tab.PORTS) {
            List<OpenPort> ports = remoteTabs.ports();
            return listBody(PortList.lines(session.node(), ports), ports::get, ports.size());
        }
        if (tab == Tab.TREES) {
            InspectOptions o = session.inspectOptions().withSyntaxColors(procshell.runtime.inspect.SyntaxColors.none());
            return treeBody(remoteTrees.lines(o, MAX_CHILDREN), "Supervisors and their children (:supervisor.which_children over rpc)");
        }
        List<RemoteProcesses.Row> rows = remoteProcesses.sorted(sortKey, windowed);
        return listBody(RemoteProcesses.lines(rows, windowed), i -> rows.get(i).pid(), rows.size());
    }

    /** A list tab's body: the header line, then the visible rows of {@code lines} with the selection. */
    private Body listBody(List<String> lines, java.util.function.IntFunction<Object> items, int count) {
        itemAt = items;
        itemCount = count;
        int from = scroll(count);
        List<AttributedString> body = new ArrayList<>();
        for (int k = from; k < Math.min(count, from + bodyRows); k++) body.add(row(lines.get(k + 1), k == selected[tab.ordinal()], false));
        return new Body(lines.get(0), body);
    }

    private Body trees() {
        Node node = session.node();
        List<SupervisionTree.Line> lines = new ArrayList<>();
        for (Pid root : SupervisionTree.roots(node)) {
            try {
                if (!lines.isEmpty()) lines.add(new SupervisionTree.Line("", null, false));
                lines.addAll(SupervisionTree.draw(node, root, session.restarts(),
                        session.inspectOptions().withSyntaxColors(procshell.runtime.inspect.SyntaxColors.none()), MAX_CHILDREN));
            } catch (IllegalArgumentException e) {
                // died between listing and drawing
            }
        }
        return treeBody(lines, "Supervisors and their children (↻ restarted by its supervisor)");
    }

    private Body treeBody(List<SupervisionTree.Line> lines, String title) {
        itemAt = i -> lines.get(i).pid();
        itemCount = lines.size();
        int from = scroll(lines.size());
        List<AttributedString> body = new ArrayList<>();
        for (int k = from; k < Math.min(lines.size(), from + bodyRows); k++) {
            SupervisionTree.Line l = lines.get(k);
            body.add(row(l.text(), k == selected[tab.ordinal()], l.restarted()));
        }
        return new Body(lines.isEmpty() ? "No supervisors running" : title, body);
    }

    private Body tables() {
        List<TableInfo> tables = TableViewer.sorted(session.node().tables().infos());
        List<List<String>> cells = new ArrayList<>();
        for (TableInfo t : tables) cells.add(TableViewer.cells(t));
        return listBody(Columns.lines(TableViewer.COLUMNS, TableViewer.rightAligned(), cells), tables::get, tables.size());
    }

    private Body ports() {
        List<OpenPort> ports = OpenPorts.of(session.node());
        Body body = listBody(PortList.lines(session.node(), ports), ports::get, ports.size());
        if (ports.isEmpty()) body.lines().add(new AttributedString("No open ports (gen_tcp sockets, or the distribution's when the node is distributed)"));
        return body;
    }

    private Body rows() {
        Table t = session.node().tables().find(openTable);
        if (t == null) {
            openTable = null;
            status = "The table is gone (its owner died)";
            return tables();
        }
        List<Tuple> objects = new ArrayList<>(t.tab2list());
        objects.sort(TermCompare::compare);
        openSelected = Math.max(0, Math.min(openSelected, objects.size() - 1));
        if (openSelected < openTop) openTop = openSelected;
        if (openSelected >= openTop + bodyRows) openTop = openSelected - bodyRows + 1;
        InspectOptions o = session.inspectOptions().withWidth(InspectOptions.INFINITY).withSyntaxColors(procshell.runtime.inspect.SyntaxColors.none());
        List<AttributedString> body = new ArrayList<>();
        for (int k = openTop; k < Math.min(objects.size(), openTop + bodyRows); k++) {
            body.add(row(Inspect.inspect(objects.get(k), o), k == openSelected, false));
        }
        return new Body(t.name().name() + "  (" + objects.size() + " objects)", body);
    }
}
