package procshell.shell.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntConsumer;

import org.jline.terminal.Attributes;
import org.jline.terminal.Cursor;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.AbstractTerminal;
import org.jline.terminal.impl.CursorSupport;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalExt;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingReader;

/**
 * JLine's system terminal with the two costs it adds to every input taken off: its keys are read
 * by the reading thread in bulk ({@link PolledInput}) instead of one byte at a time by a pump
 * thread, and a signal handler is swapped in Java instead of with the operating system.
 *
 * <p>JLine's {@code readLine} sets its own handlers for INT, WINCH and CONT at its start and puts
 * the previous ones back at its end: with JLine's terminal each of those seven swaps unregisters
 * and registers a native handler (reflection into {@code sun.misc.Signal}, {@code rt_sigaction}),
 * 11% of the console thread's CPU for an input. Here the system terminal holds one native
 * handler per signal once one is wanted, which raises the signal on this terminal, whose Java
 * handler the swaps change. A signal handled by default that kills or stops (INT, QUIT, TSTP) goes
 * back to the operating system's default when its handler is the default again; WINCH and CONT
 * stay routed, their default being to do nothing more.
 *
 * <p>The terminal's modes are read once and then kept here: JLine's system terminal read them
 * from the operating system and converted them both ways at each of the seven reads and changes an
 * input made, a fifth of the console thread's CPU samples of an input. A change that sets what is
 * there already is skipped (with the console's echo left off between inputs, an input now changes
 * them twice: JLine's raw mode at the prompt, the modes it found restored at the Enter). After a
 * stop and a continue (Ctrl-Z, {@code fg}) they are read again: the job's shell may have changed them.
 *
 * <p>Output and size are the system terminal's. Nothing reads the system terminal's own input
 * (whose pump would take keys from this one's).
 */
final class ConsoleTerminal extends AbstractTerminal {
    /** Signals whose default action is to do nothing beyond what the kernel does anyway. */
    private static final Set<Signal> HARMLESS_DEFAULT = EnumSet.of(Signal.WINCH, Signal.CONT);

    private final Terminal system;
    private final PolledInput input;
    private final NonBlockingReader reader;
    private final Set<Signal> routed = EnumSet.noneOf(Signal.class);
    /** The terminal's modes as last read or set, or null until read; guarded by this. */
    private Attributes modes;
    /** The size read last, kept while WINCH is routed here (a resize clears it); else null. */
    private volatile Size size;
    /** Counts resizes, so that a size read across one is not kept. */
    private volatile int resizes;
    /** The operating system's form of modes set before, when {@code system} sets them with JLine's native library; else null. */
    private final NativeModes nativeModes;

    /**
     * Wraps {@code system}, a JLine terminal on this process's standard input and output.
     *
     * @throws IOException   when JLine cannot read the terminal type's capabilities
     * @throws LinkageError  when JLine's native library cannot poll on this platform
     */
    ConsoleTerminal(Terminal system) throws IOException {
        this(system, PolledInput.stdin(), isJni(system) ? new NativeModes() : null);
    }

    /** Wraps {@code system}, whose keys {@code input} reads (a test's pty). */
    ConsoleTerminal(Terminal system, PolledInput input) throws IOException {
        this(system, input, null);
    }

    private ConsoleTerminal(Terminal system, PolledInput input, NativeModes nativeModes) throws IOException {
        super(system.getName(), system.getType(), system.encoding(), system.inputEncoding(), system.outputEncoding(),
                SignalHandler.SIG_DFL);
        this.system = system;
        this.input = input;
        this.nativeModes = nativeModes;
        this.reader = NonBlocking.nonBlocking(getName(), input, inputEncoding());
        parseInfoCmp();
    }

    /** See {@link PolledInput#beforeWaiting}: {@code work} run by the thread that waits for keys, once none is there. */
    void beforeWaitingForKeys(Runnable work) {
        input.beforeWaiting(work);
    }

    /**
     * Sets the Java handler of {@code signal}; registers with the operating system only the first
     * time the signal is handled here, or when a killing signal goes back to its default.
     *
     * @return the previous handler
     */
    @Override
    public synchronized SignalHandler handle(Signal signal, SignalHandler handler) {
        SignalHandler previous = super.handle(signal, handler);
        boolean byDefault = handler == SignalHandler.SIG_DFL || handler == SignalHandler.SIG_IGN;
        if (byDefault && !HARMLESS_DEFAULT.contains(signal)) {
            if (routed.remove(signal) || handler == SignalHandler.SIG_IGN) system.handle(signal, handler);
        } else if (!byDefault && routed.add(signal)) {
            system.handle(signal, this::raise);
        }
        return previous;
    }

    @Override
    public NonBlockingReader reader() {
        return reader;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public PrintWriter writer() {
        return system.writer();
    }

    @Override
    public OutputStream output() {
        return system.output();
    }

    /** The terminal's modes (a copy, the caller's to change): read from the operating system once, then as set here. */
    @Override
    public synchronized Attributes getAttributes() {
        if (modes == null) modes = system.getAttributes();
        return new Attributes(modes);
    }

    /**
     * Sets the terminal's modes, unless they are those set or read last: with one call to the
     * operating system when they were set before ({@link NativeModes}), else through JLine.
     */
    @Override
    public synchronized void setAttributes(Attributes attr) {
        if (modes != null && NativeModes.same(modes, attr)) return;
        if (nativeModes == null) {
            system.setAttributes(attr);
        } else if (!nativeModes.set(attr)) {
            system.setAttributes(attr);
            nativeModes.remember(attr);
        }
        modes = new Attributes(attr);
    }

    /** True for JLine's system terminal of its JNI provider, which sets standard input's modes. */
    private static boolean isJni(Terminal system) {
        return system instanceof TerminalExt e && e.getProvider() != null && "jni".equals(e.getProvider().name())
                && e.getSystemStream() != null;
    }

    /**
     * Handles a signal as JLine does; after a resize the size is read again ({@link #getSize}),
     * after a continue the modes ({@link #getAttributes}).
     */
    @Override
    public void raise(Signal signal) {
        if (signal == Signal.WINCH || signal == Signal.CONT) resized();
        if (signal == Signal.CONT) {
            synchronized (this) {
                modes = null;
                if (nativeModes != null) nativeModes.forget();
            }
        }
        super.raise(signal);
    }

    /**
     * The terminal's size: read from the operating system until a WINCH handler is routed here,
     * then kept until the next WINCH (JLine asks four times an input, an {@code ioctl} each).
     */
    @Override
    public Size getSize() {
        Size kept = size;
        if (kept != null) return kept;
        int before = resizes;
        Size read = system.getSize();
        if (winchRouted() && resizes == before) size = read;
        return read;
    }

    @Override
    public void setSize(org.jline.terminal.Sized size) {
        system.setSize(size);
        resized();
    }

    private synchronized boolean winchRouted() {
        return routed.contains(Signal.WINCH);
    }

    private synchronized void resized() {
        resizes++;
        size = null;
    }

    /** Asks the terminal where the cursor is, reading its answer from this terminal's keys. */
    @Override
    public Cursor getCursorPosition(IntConsumer discarded) {
        return CursorSupport.getCursorPosition(this, discarded);
    }

    @Override
    protected boolean hasPollSupport() {
        return true;
    }

    @Override
    public TerminalProvider getProvider() {
        return system instanceof TerminalExt e ? e.getProvider() : null;
    }

    @Override
    public SystemStream getSystemStream() {
        return system instanceof TerminalExt e ? e.getSystemStream() : null;
    }

    /** Closes the system terminal, which restores its attributes and default signal handling. */
    @Override
    protected void doClose() throws IOException {
        super.doClose();
        input.close();
        system.close();
    }
}
