package procshell.shell.observer;

import java.io.IOError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import procshell.shell.iex.IexSession;

/**
 * {@code observer()} on a JLine terminal, in the manner of observer_cli: the alternate screen,
 * refreshed every second ({@link ObserverView#refresh()}: the window of {@code rr}/{@code mm}
 * moves on) and redrawn by a {@link FrameWriter} (only changed lines are rewritten) then and after
 * every key, keys read with a {@link BindingReader} over a {@link KeyMap}, until {@code q}. The
 * terminal's mode and screen are restored however it ends (q, Ctrl-C, the shell process killed);
 * Ctrl-C leaves as {@code q} does.
 * On a terminal that cannot draw full-screen (none, or a dumb one) it prints why and one frame.
 */
public final class ObserverScreen {
    /** How often the view refreshes without a key, in ms (Observer's default interval). */
    static final long REFRESH_MS = 1000;
    private static final int DUMB_WIDTH = 120;
    private static final int DUMB_HEIGHT = 24;

    private final IexSession session;
    private final ObserverView view;

    /** A screen for the session's node. */
    public ObserverScreen(IexSession session) {
        this(session, null);
    }

    /** A screen for another node, observed over rpc (null: the session's own node). */
    public ObserverScreen(IexSession session, procshell.runtime.node.Atom node) {
        this.session = session;
        this.view = new ObserverView(session, node);
    }

    /** Runs until {@code q} (or prints one frame on a terminal that cannot draw full-screen). */
    public void run() {
        Terminal t = session.terminal();
        if (t == null || t.getType().startsWith(Terminal.TYPE_DUMB) || t.getStringCapability(Capability.cursor_address) == null) {
            printOneFrame(t);
            return;
        }
        try {
            interactive(t);
        } catch (InterruptedIOException e) {
            // Ctrl-C: leave, as q does
        } catch (IOError e) {
            // JLine's readers wrap an interrupted read (Ctrl-C) in an IOError
            if (!(e.getCause() instanceof InterruptedIOException)) throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printOneFrame(Terminal t) {
        int width = t == null || t.getWidth() <= 0 ? DUMB_WIDTH : t.getWidth();
        StringBuilder b = new StringBuilder("observer() draws full-screen and this terminal cannot (")
                .append(t == null ? "no terminal: input is piped" : "terminal type " + t.getType())
                .append("); here is one frame. processes(), tree(sup) and tables() print the views.\n");
        for (AttributedString line : view.frame(width, DUMB_HEIGHT)) b.append(line.toString().stripTrailing()).append('\n');
        session.out().print(b);
        session.out().flush();
    }

    private KeyMap<ObserverKey> keys(Terminal t) {
        KeyMap<ObserverKey> k = new KeyMap<>();
        k.setNomatch(ObserverKey.NONE);
        k.setAmbiguousTimeout(100);
        k.bind(ObserverKey.QUIT, "q");
        k.bind(ObserverKey.NEXT_TAB, "\t");
        k.bind(ObserverKey.PROCESSES, "1");
        k.bind(ObserverKey.TREES, "2");
        k.bind(ObserverKey.TABLES, "3");
        k.bind(ObserverKey.PORTS, "4");
        k.bind(ObserverKey.SORT_REDUCTIONS, "r");
        k.bind(ObserverKey.SORT_MEMORY, "m");
        k.bind(ObserverKey.SORT_QUEUE, "Q");
        // observer_cli's rr and mm; r alone waits the ambiguous timeout for a second r
        k.bind(ObserverKey.SORT_REDUCTIONS_WINDOW, "rr");
        k.bind(ObserverKey.SORT_MEMORY_WINDOW, "mm");
        k.bind(ObserverKey.TOGGLE_WINDOW, "w");
        k.bind(ObserverKey.UP, "\033[A", "\033OA", "p");
        k.bind(ObserverKey.DOWN, "\033[B", "\033OB", "n");
        bindCap(k, t, ObserverKey.UP, Capability.key_up);
        bindCap(k, t, ObserverKey.DOWN, Capability.key_down);
        k.bind(ObserverKey.PAGE_UP, "\033[5~");
        k.bind(ObserverKey.PAGE_DOWN, "\033[6~", " ");
        bindCap(k, t, ObserverKey.PAGE_UP, Capability.key_ppage);
        bindCap(k, t, ObserverKey.PAGE_DOWN, Capability.key_npage);
        k.bind(ObserverKey.OPEN, "\r", "\n");
        k.bind(ObserverKey.BACK, "\033", "b", "\177", "\b");
        k.bind(ObserverKey.KILL, "k");
        k.bind(ObserverKey.YES, "y");
        return k;
    }

    private static void bindCap(KeyMap<ObserverKey> k, Terminal t, ObserverKey key, Capability c) {
        String seq = KeyMap.key(t, c);
        if (seq != null && !seq.isEmpty()) k.bind(key, seq);
    }

    private void interactive(Terminal t) throws IOException {
        Attributes saved = t.enterRawMode();
        Terminal.SignalHandler winch = t.handle(Terminal.Signal.WINCH, s -> { });
        t.puts(Capability.enter_ca_mode);
        t.puts(Capability.keypad_xmit);
        t.puts(Capability.cursor_invisible);
        t.flush();
        try {
            FrameWriter screen = new FrameWriter(t);
            BindingReader reader = new BindingReader(t.reader());
            KeyMap<ObserverKey> keys = keys(t);
            long next = 0;
            boolean dirty = true;
            while (true) {
                long now = System.currentTimeMillis();
                if (dirty || now >= next) {
                    if (now >= next) view.refresh();
                    Size size = t.getSize();
                    int rows = Math.max(6, size.getRows()), cols = Math.max(20, size.getColumns());
                    screen.write(view.frame(cols, rows), cols, rows);
                    next = System.currentTimeMillis() + REFRESH_MS;
                    dirty = false;
                    continue;
                }
                int c = reader.peekCharacter(Math.max(1, next - now));
                if (c == NonBlockingReader.READ_EXPIRED) continue;
                if (c == NonBlockingReader.EOF) break;
                ObserverKey key = reader.readBinding(keys);
                if (key == null) break;
                if (!view.handle(key)) break;
                dirty = true;
            }
        } finally {
            t.puts(Capability.cursor_visible);
            t.puts(Capability.keypad_local);
            t.puts(Capability.exit_ca_mode);
            t.setAttributes(saved);
            t.handle(Terminal.Signal.WINCH, winch);
            t.flush();
        }
    }
}
