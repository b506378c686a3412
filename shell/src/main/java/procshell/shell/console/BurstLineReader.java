package procshell.shell.console;

import java.io.IOException;
import java.util.Map;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Reference;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

import procshell.shell.eval.Foreground;
import procshell.shell.eval.InputTrace;

/**
 * JLine's line reader, drawing the line once per burst of keys rather than once per key: a paste,
 * or keys that arrive together (a terminal multiplexer's {@code send-keys}, a fast typist's
 * last key and Enter), are taken in before the line is coloured and redrawn. JLine redraws
 * after every key (the highlighter tokenizes the whole line and the terminal gets a write
 * each time), so the line {@code Enum.map([1, 2, 3], fn x -> x * 2 end)} arriving at once was
 * coloured and drawn 39 times before its Enter was read. A key typed alone is drawn as soon as
 * no other key follows within a millisecond. The plain characters of a burst are taken in
 * together too, as one insertion: JLine's loop around each key (its binding looked up, the line
 * copied twice for undo, the widget called) cost 0.1-0.2 ms a key while the JIT had not compiled
 * it, 4-8 ms for that line seconds after the first prompt.
 */
final class BurstLineReader extends LineReaderImpl {
    /** How long a redraw waits for a next key of the same burst. */
    private static final long NEXT_KEY_MS = 1;

    /** The thread in {@link #readLine}, whose own redraws after each key may wait for the next. */
    private volatile Thread reading;

    /** Set when a burst's insertion found no next key: the redraw after it need not wait for one again. */
    private boolean burstEnded;

    /** False from the start of {@link #readLine} until its first key is read. */
    private boolean keyRead;

    /** False for a reader no person types at (a warm-up's): its keys and lines are nobody's activity. */
    private final boolean person;

    /**
     * @param person false for a reader no person types at ({@link AcceptWarmUp}), whose keys and
     *               Enter must not count as the person's ({@link Foreground})
     */
    BurstLineReader(Terminal terminal, Map<String, Object> variables, boolean person) {
        super(terminal, terminal.getName(), variables);
        this.person = person;
    }

    @Override
    public String readLine(String prompt, String rightPrompt, org.jline.reader.MaskingCallback mask, String buffer) {
        reading = Thread.currentThread();
        keyRead = false;
        try {
            return super.readLine(prompt, rightPrompt, mask, buffer);
        } finally {
            reading = null;
        }
    }

    /** Notes each key as the person's activity ({@link Foreground#keyTyped}). */
    @Override
    public Binding readBinding(KeyMap<Binding> keys, KeyMap<Binding> local) {
        burstEnded = false;
        Binding b = super.readBinding(keys, local);
        keyRead = true;
        if (person) Foreground.keyTyped();
        return b;
    }

    /** An Enter that ends a complete input: from now the person waits ({@link Foreground#inputEntered}). */
    @Override
    protected boolean acceptLine() {
        boolean r = super.acceptLine();
        if (!person) return r;
        if (state == State.DONE) Foreground.inputEntered();
        InputTrace.mark("accepted");
        return r;
    }

    @Override
    protected String finish(String str) {
        String r = super.finish(str);
        if (person) InputTrace.mark("history-added");
        return r;
    }

    @Override
    protected void cleanup() {
        super.cleanup();
        if (person) InputTrace.mark("cleaned-up");
    }

    /**
     * Inserts the key read, then every plain character (printable ASCII bound to self-insert, or a
     * closing bracket another key follows) that follows it within {@value #NEXT_KEY_MS} ms, as
     * JLine would one by one; any other key (Enter, a control key, an escape sequence) is left to
     * JLine's loop. A repeat count (a vi or emacs numeric argument) applies to the key read only,
     * as before.
     */
    @Override
    protected boolean selfInsert() {
        boolean r = super.selfInsert();
        if (count != 1 || Thread.currentThread() != reading) return r;
        StringBuilder more = new StringBuilder();
        String closer = null;
        int c;
        while ((c = nextKey()) >= 0x20 && c < 0x7f) {
            char key = (char) c;
            String bound = widgetOf(key);
            if (bound == null || !SELF_INSERT.equals(bound) && !CLOSERS.contains(bound)) break;
            bindingReader.readCharacter();
            // JLine blinks the bracket a closer matches until the next key: in a burst that is at
            // once, and the closer goes in as plain text; the burst's last one blinks as JLine's
            if (!SELF_INSERT.equals(bound) && (c = nextKey()) < 0) {
                closer = bound;
                break;
            }
            more.append(key);
        }
        burstEnded = c < 0 && closer == null;
        if (!more.isEmpty()) {
            putString(more);
            if (person) Foreground.keyTyped();
        }
        if (closer != null) callWidget(closer);
        return r;
    }

    /** The widgets JLine binds the closing brackets to. */
    private static final java.util.Set<String> CLOSERS = java.util.Set.of(INSERT_CLOSE_PAREN, INSERT_CLOSE_SQUARE, INSERT_CLOSE_CURLY);

    /** The name of the widget {@code c} is bound to, or null when it is bound to none by name. */
    private String widgetOf(char c) {
        Binding b = getKeys().getBound(String.valueOf(c));
        return b instanceof Reference ref ? ref.name() : null;
    }

    /** The next key's first character if it comes within {@value #NEXT_KEY_MS} ms, else negative. */
    private int nextKey() {
        try {
            return bindingReader.peekCharacter(NEXT_KEY_MS);
        } catch (java.io.IOError e) {
            return -1; // (an interrupted peek leaves the interruption to the next read)
        }
    }

    /**
     * Redraws the line, unless the reading thread redraws after a key and the next key is there
     * already: the redraw after the burst's last key (or the line's end, on Enter) shows it all.
     */
    @Override
    public boolean redisplay() {
        if (Thread.currentThread() == reading && keyWaiting()) return true;
        boolean r = super.redisplay();
        if (person && buf.length() == 0) InputTrace.mark("prompt-drawn");
        return r;
    }

    private boolean keyWaiting() {
        if (burstEnded) {
            burstEnded = false;
            return false;
        }
        try {
            // The prompt's first draw waits for nothing: keys typed ahead of it are there already,
            // and waiting a millisecond for one delays every prompt.
            if (!keyRead) return getTerminal().reader().available() > 0;
            return getTerminal().reader().peek(NEXT_KEY_MS) >= 0;
        } catch (IOException e) {
            return false; // (an interrupted peek leaves the interruption to the next read)
        }
    }
}
