package procshell.shell.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.shell.elixir.reader.ElixirReader;
import procshell.shell.eval.EvaluatorProcess;
import procshell.shell.eval.Foreground;
import procshell.shell.eval.InputTrace;
import procshell.shell.iex.IexSession;
import procshell.shell.inspect.ErrorFormatter;
import procshell.shell.inspect.ExitFormatter;
import procshell.shell.inspect.LogFormatter;

/**
 * The read-eval-print loop: reads inputs (a JLine terminal, or plain lines when piped), evaluates
 * them in the shell process, prints results and errors as iex does, and prints crash reports and
 * the shell process's own death as they happen.
 *
 * <p>Prompts are {@code ps(N)>} and, for a continued input, {@code ...(N)>}; on a named node
 * {@code ps(node1@localhost)N>}. Piped input is echoed after its prompt, so that the output reads
 * as a transcript of the session.
 */
public final class Console {
    /** Printed after the shell process restarts, as iex prints its "Interactive Elixir" line. */
    public static final String RESTART_BANNER = "Interactive procshell - press Ctrl+D to exit (type h() ENTER for help)";

    /**
     * Printed under the first {@code ** (exit) interrupted} of a session: what Ctrl-C does here
     * (iex's Ctrl-C opens its BREAK menu, and its job control's interrupt restarts the evaluator).
     */
    public static final String INTERRUPT_NOTE = "procshell: Ctrl-C stops the running input, whatever it waits for or computes;"
            + " the shell process (self()), the processes linked to it, its mailbox and your variables are kept.";

    /** How long, at most, an input's consequences may take to settle before its value prints. */
    private static final long SETTLE_MS = 200;

    private final Shell owner;
    private final LineReader reader;
    private final InputHighlighter highlighter;
    private final BufferedReader piped;
    private final PrintWriter out;
    private final Object outputLock = new Object();
    /** Reports of other processes print after the outcome of the input that caused them. */
    private final ReportOrder reports = new ReportOrder();
    private int counter = 1;
    private volatile boolean closed;
    private volatile boolean colors;
    private boolean interruptExplained;
    /** The terminal whose reading thread writes the history file at the prompt ({@link #historyToSave}); null on another. */
    private final ConsoleTerminal keys;
    /** The console's part of the prompt's warm-up, on the real terminal's type; null without a line reader. */
    private final AcceptWarmUp acceptWarmUp;
    /** A line was read (and added to JLine's history) since the history file was written; guarded by this. */
    private boolean historyUnsaved;

    private Console(Shell owner, LineReader reader, BufferedReader piped, PrintWriter out, InputHighlighter highlighter) {
        this.owner = owner;
        this.highlighter = highlighter;
        this.reader = reader;
        this.keys = reader != null && reader.getTerminal() instanceof ConsoleTerminal t ? t : null;
        this.acceptWarmUp = reader == null ? null : new AcceptWarmUp(reader.getTerminal().getType());
        this.piped = piped;
        this.out = out;
        owner.evaluator().setVariable("out", out);
        attach(session());
    }

    private Node node() {
        return owner.node();
    }

    private IexSession session() {
        return IexSession.of(node());
    }

    private EvaluatorProcess shell() {
        return owner.process();
    }

    /** Makes a node's session print here, in this console's colours (a fresh node after a halt). */
    void attach(IexSession session) {
        // what processes print while the prompt waits goes above it, as iex's group writes it
        session.setOut(reader == null ? out : new PrintWriter(new OutputAbovePrompt(out, reader::isReading, this::printAsync)));
        session.setConsole(this::printAsync, reader == null ? null : reader.getTerminal());
        // Logger's lines print as they are logged, as Logger's console backend writes them at once
        session.setLoggerSink((level, text) -> printAsync(levelColour(level, text)));
        if (colors) session.setInspectOptions(session.inspectOptions().withSyntaxColors(procshell.runtime.inspect.SyntaxColors.iex()));
    }

    /** Prints a crash report as Elixir's Logger does, if it is one Logger prints. */
    void crashReport(NodeEvent.CrashReport r) {
        if (closed || !LogFormatter.prints(r.kind()) || !session().loggerPrints("error")) return;
        String text = LogFormatter.format(r, session().inspectOptions());
        if (text != null) reports.print(error(text), this::printAsync);
    }

    /** Prints a line the runtime logs (a refused connection, a name conflict) as Elixir's Logger does. */
    void logged(NodeEvent.Logged l) {
        if (closed || !session().loggerPrints(l.level().name())) return;
        String text = LogFormatter.format(l);
        reports.print(levelColour(l.level().name(), text), this::printAsync);
    }

    /**
     * The node halted: print what the BEAM prints, then what happened and what comes next; the
     * shell is about to start a fresh node.
     */
    void nodeHalted(Node node, String message) {
        if (closed) return;
        counter = 1;
        printAsync(error(message) + "\n"
                + "procshell: the node " + node.name().name() + " is dead. On the BEAM the whole VM stops here"
                + " (its atom table is full, and atoms are never collected). A fresh node takes over:"
                + " your variables are kept, every process is gone.\n\n" + RESTART_BANNER);
    }

    /**
     * A console on a JLine terminal (a real one, or a dumb one over streams in tests).
     *
     * @param history the history file, or null for none
     */
    static Console interactive(Shell owner, Terminal terminal, Path history) {
        InputHighlighter highlighter = new InputHighlighter();
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        if (history != null) variables.put(LineReader.HISTORY_FILE, history);
        LineReader reader = lineReader(terminal, variables, highlighter, true);
        if (InputTrace.on()) traceKeys(reader);
        Console c = new Console(owner, reader, null, terminal.writer(), highlighter);
        new TabKey(owner).install(reader, c::asTyped);
        terminal.handle(Terminal.Signal.INT, s -> owner.process().interrupt(1000));
        return c;
    }

    /**
     * A line reader set up as the console's (the same parser, colours, keys and options), for
     * the console and for {@link AcceptWarmUp}.
     *
     * @param variables JLine's variables (the history file, ...)
     * @param person    false for a reader no person types at ({@link BurstLineReader})
     */
    static LineReader lineReader(Terminal terminal, java.util.Map<String, Object> variables, InputHighlighter highlighter, boolean person) {
        variables.put(LineReader.SECONDARY_PROMPT_PATTERN, "");
        // as LineReaderBuilder builds it, with JLine's redraw once per burst of keys
        BurstLineReader reader = new BurstLineReader(terminal, variables, person);
        reader.setHistory(new org.jline.reader.impl.history.DefaultHistory());
        reader.setParser(new IexParser());
        reader.setHighlighter(highlighter);
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        reader.option(LineReader.Option.INSERT_TAB, false);
        // pasted lines arrive as typed ones, each Enter ending an input once it is complete:
        // iex evaluates a paste expression by expression
        reader.option(LineReader.Option.BRACKETED_PASTE, false);
        // the history file is written once the person's wait is over (historyToSave), not
        // between the Enter and the hand-over, where JLine writes it (12-45 ms the first time)
        reader.option(LineReader.Option.HISTORY_INCREMENTAL, false);
        CursorKeys.bindBothModes(reader);
        return reader;
    }

    /** With {@link InputTrace} on: marks each typed character and the Enter that accepts a line. */
    private static void traceKeys(LineReader reader) {
        java.util.Map<String, org.jline.reader.Widget> widgets = reader.getWidgets();
        for (String name : new String[] {LineReader.SELF_INSERT, LineReader.ACCEPT_LINE}) {
            org.jline.reader.Widget w = widgets.get(name);
            widgets.put(name, () -> {
                InputTrace.mark(name);
                return w.apply();
            });
        }
    }

    /**
     * Prints in iex's colours: results in yellow with atoms, numbers and strings coloured as
     * iex's syntax colours, errors and error reports in red; and colours the input as it is typed
     * ({@link InputHighlighter}).
     */
    public void enableColors() {
        colors = true;
        highlighter.setEnabled(true);
        attach(session());
    }

    /** {@code IEx.configure(colors: [enabled: false])} (or true) takes effect at once, as in iex. */
    private void applyColorsConfigured() {
        Boolean wanted = procshell.shell.iex.IexConfig.of(session()).colors();
        if (wanted == null || wanted == colors) return;
        if (wanted) {
            enableColors();
        } else {
            colors = false;
            highlighter.setEnabled(false);
            session().setInspectOptions(session().inspectOptions().withSyntaxColors(procshell.runtime.inspect.SyntaxColors.none()));
        }
    }

    /** True when the terminal shows at least 8 colours and NO_COLOR is not set. */
    public static boolean supportsColor(Terminal terminal) {
        Integer n = terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors);
        return n != null && n >= 8 && System.getenv("NO_COLOR") == null;
    }

    private String result(String text) {
        return colors ? procshell.runtime.inspect.SyntaxColors.YELLOW + text + procshell.runtime.inspect.SyntaxColors.RESET : text;
    }

    /** Logger's console colours: debug cyan, info and notice plain, warning yellow, error and worse red. */
    private String levelColour(String level, String text) {
        if (!colors) return text;
        return switch (level) {
            case "debug" -> "\u001b[36m" + text + procshell.runtime.inspect.SyntaxColors.RESET;
            case "info", "notice" -> text;
            case "warning" -> "\u001b[33m" + text + procshell.runtime.inspect.SyntaxColors.RESET;
            default -> error(text);
        };
    }

    private String error(String text) {
        return colors ? "\u001b[31m" + text + procshell.runtime.inspect.SyntaxColors.RESET : text;
    }

    /** A console reading plain lines (stdin not a terminal), echoing each after its prompt. */
    static Console piped(Shell owner, BufferedReader in, PrintWriter out) {
        return new Console(owner, null, in, out, new InputHighlighter());
    }

    /** The prompt for the next input. */
    String prompt() {
        Atom name = node().name();
        return procshell.shell.iex.IexConfig.of(session()).prompt(counter, name.name(), !name.name().equals("nonode@nohost"));
    }

    private String continuation() {
        return "...(" + counter + ")> ";
    }

    /** An input as the screen shows it while typed: after its prompt, each further line after {@code ...(n)>}. */
    String asTyped(String input) {
        return prompt() + input.replace("\n", "\n" + continuation());
    }

    /** Runs until end of input (Ctrl-D, or the end of piped input), as {@link #run(Runnable)} without a first task. */
    public void run() {
        run(null);
    }

    /**
     * Runs {@code first} (a tutorial's walk through its chapter, or null), then reads and evaluates
     * inputs until end of input (Ctrl-D, or the end of piped input); returns when that ends.
     *
     * <p>The loop runs on a thread of the console's own, a platform thread with the shell process's
     * stack, which evaluates each input it reads as the shell process
     * ({@link EvaluatorProcess#evaluateHere}) instead of handing it over and waiting: two thread
     * wake-ups fewer an input, ~0.3 ms of a later input's wait through a pty in this VM
     * ({@code bench/README.md}, fourteenth session). Should a second Ctrl-C give up on an input
     * stuck in a Java call, a new loop thread says so and goes on reading; the stuck one, should its
     * call ever return, leaves without printing.
     *
     * @throws RuntimeException what {@code first} or the loop threw
     */
    public void run(Runnable first) {
        java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
        loopEnded = ended;
        startLoop(first);
        try {
            ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The thread running this console's loop ({@link #run}), or null outside it. */
    private volatile Thread loopThread;
    /** Loop threads a second Ctrl-C gave up on, stuck in an input: should it return, each leaves quietly. */
    private final java.util.Set<Thread> givenUp = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Completed when the loop ends, on whichever thread runs it by then. */
    private volatile java.util.concurrent.CompletableFuture<Void> loopEnded;

    private void startLoop(Runnable first) {
        java.util.concurrent.CompletableFuture<Void> ended = loopEnded;
        Thread t = new procshell.runtime.process.ProcessThread(() -> {
            try {
                if (first != null) first.run();
                loop();
                if (!givenUp.contains(Thread.currentThread())) ended.complete(null);
            } catch (Throwable e) {
                if (!givenUp.contains(Thread.currentThread())) ended.completeExceptionally(e);
            }
        }, "procshell-console", procshell.runtime.process.SpawnOptions.PLATFORM_STACK_BYTES);
        loopThread = t;
        t.start();
    }

    /**
     * A second Ctrl-C ended the shell process while the loop's thread is stuck in the input: a new
     * thread prints that death, as the stuck one would have, and goes on with the loop.
     */
    private void loopStuck(Pid evaluator) {
        startLoop(() -> {
            try {
                if (evaluator.node().haltedWith() == null) printRestart(evaluator, EvaluatorProcess.INTERRUPTED, false);
            } finally {
                reports.release(this::printAsync);
                Foreground.inputAnswered();
            }
        });
    }

    private void loop() {
        Thread me = Thread.currentThread();
        while (true) {
            String input;
            try {
                input = read();
            } catch (EndOfFileException e) {
                break;
            }
            if (input == null) break;
            try {
                evalTypedAhead(input);
            } finally {
                // (only a person's Enter says an input is waited for: a piped console, the prompt's
                // rehearsal among them, must not end that wait)
                if (reader != null && !givenUp.contains(me)) Foreground.inputAnswered();
            }
            if (givenUp.contains(me)) return; // another loop thread goes on
        }
        if (reader != null) {
            saveHistory();
            Foreground.inputAnswered(); // (an Enter whose line never came back: the loop ended)
        }
        out.flush();
    }

    /**
     * Has the history file written once the person's wait is over: by the thread that reads the
     * keys, once it waits for the next one at the prompt ({@link ConsoleTerminal#beforeWaitingForKeys}),
     * before the next prompt on another terminal, and before a halt or the JVM's end cuts a long
     * input short ({@link #saveHistory}). Written beside the evaluation, on a thread of its own, it
     * cost later inputs ~0.5 ms (a thread woken, a file opened, appended and closed while the
     * input's threads wanted the two cores).
     */
    private void historyToSave() {
        if (reader == null) return;
        synchronized (this) {
            historyUnsaved = true;
        }
        if (keys != null) keys.beforeWaitingForKeys(this::saveHistory);
    }

    /**
     * Appends the lines entered since the last save to the history file (JLine writes only those),
     * if a line was read since: at the prompt, and by the launcher before {@code System.halt/1} or
     * the JVM's end (a closed terminal) stops an input that runs. A history that cannot be written
     * is no error of the input: it is skipped, as JLine skips it.
     */
    public void saveHistory() {
        if (reader == null) return;
        synchronized (this) {
            if (!historyUnsaved) return;
            historyUnsaved = false;
        }
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // (the file or its folder cannot be written: the session goes on without it)
        }
    }

    /**
     * Evaluates with the terminal's echo off, as iex's terminal stays in raw mode: keys typed while
     * an input runs (arrow keys, a next input) are not echoed as {@code ^[[A} into its output but
     * wait for the next prompt, which reads them as if typed there. Ctrl-C still interrupts.
     *
     * <p>The echo stays off after the input, until the session ends (closing the terminal puts its
     * modes back): the next prompt's raw mode has it off too, and JLine restores the modes it found
     * there, so from the second input on the terminal's modes change twice an input, not four times.
     */
    private void evalTypedAhead(String input) {
        if (reader != null) reader.getTerminal().echo(false);
        evalAndPrint(input);
    }

    /**
     * Reads one complete input (continuation lines included), as the prompt does.
     *
     * @return the input, or null at end of input
     */
    public String readInput() {
        if (givenUp.contains(Thread.currentThread())) return null; // (a tutorial's walk on a thread given up on)
        try {
            return read();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /**
     * As iex, docs and results are laid out for the terminal's width, at most 80 columns; read at
     * each prompt and after each input is typed, so a resized terminal counts at once.
     */
    private void fitToTerminal() {
        int columns = reader.getTerminal().getWidth();
        int most = procshell.shell.iex.IexConfig.of(session()).width(); // iex: 80 unless IEx.configure(width: n)
        int width = columns > 0 ? Math.min(most, columns) : most;
        IexSession s = session();
        if (s.width() != width) {
            s.setWidth(width);
            s.setInspectOptions(s.inspectOptions().withWidth(width));
        }
    }

    /** Prints an input after the prompt, as if typed (for tutorial steps run on Enter). */
    public void echo(String input) {
        String[] lines = input.split("\n", -1);
        printLine(prompt() + lines[0]);
        for (int i = 1; i < lines.length; i++) printLine(continuation() + lines[i]);
    }

    private String read() {
        if (reader != null) {
            while (true) {
                try {
                    reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, continuation());
                    Foreground.inputAnswered(); // (whatever the caller did with the last input)
                    if (keys == null) saveHistory();
                    owner.evaluator().prepare(acceptWarmUp, NotesRehearsal::run); // Groovy loads while the prompt is shown
                    fitToTerminal();
                    InputTrace.mark("prompt");
                    String line = reader.readLine(prompt());
                    InputTrace.mark("line-read");
                    historyToSave();
                    fitToTerminal(); // the terminal may have been resized while the line was typed
                    if (line.strip().endsWith("#iex:break") && line.contains("\n")) {
                        printLine(error("** (TokenMissingError) iex:" + counter + ": incomplete expression\n"));
                        continue;
                    }
                    return line;
                } catch (UserInterruptException e) {
                    // Ctrl-C at the prompt drops the line being typed, as a shell does.
                } catch (IllegalStateException e) {
                    // The terminal went away under the prompt (hang-up, closed stream): that is the
                    // end of input, not a Java stack trace on stderr.
                    if (e.getMessage() != null && e.getMessage().contains("closed")) return null;
                    throw e;
                }
            }
        }
        try {
            Quiescence.await(node(), shell().pid(), 500);
            StringBuilder buf = new StringBuilder();
            String line = piped.readLine();
            if (line == null) return null;
            printLine(prompt() + line);
            buf.append(line);
            while (ElixirReader.isIncomplete(buf + "\n")) {
                String more = piped.readLine();
                if (more == null) break;
                printLine(continuation() + more);
                if (more.strip().equals("#iex:break")) {
                    printLine(error("** (TokenMissingError) iex:" + counter + ": incomplete expression\n"));
                    buf.setLength(0);
                    line = piped.readLine();
                    if (line == null) return null;
                    printLine(prompt() + line);
                    buf.append(line);
                    continue;
                }
                buf.append('\n').append(more);
            }
            return buf.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Evaluates a startup file ({@link StartupFile}) before the first prompt, as iex evaluates
     * {@code .iex.exs}: as if its content were typed as one input, printing only what it prints
     * itself; its bindings and classes are there at the first prompt and the counter stays at 1.
     * An error prints {@code Error while evaluating: PATH} (the path as given, as iex shows
     * {@code --dot-iex}'s) and the error, as iex does.
     */
    public void evalStartupFile(Path file) {
        String source;
        try {
            source = java.nio.file.Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            printLine(error("Error while evaluating: " + file + "\n** (File.Error) could not read file: " + e.getMessage()));
            return;
        }
        if (source.isBlank()) return;
        EvaluatorProcess.Result r;
        try {
            r = shell().evaluate(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        switch (r) {
            case EvaluatorProcess.Result.Value v -> {
                for (Class<?> c : v.outcome().defined()) session().modules().atomOf(c);
                applyColorsConfigured(); // IEx.configure(colors: ...) in .iex.exs
            }
            case EvaluatorProcess.Result.Raised x -> printLine(error("Error while evaluating: " + file + "\n"
                    + ErrorFormatter.format(x.error(), counter)));
            case EvaluatorProcess.Result.Died d -> printRestart(d.pid(), d.reason(), false);
        }
        out.flush();
    }

    /**
     * Evaluates one input and prints what iex would print.
     *
     * @return true when it evaluated without error
     */
    public boolean evalAndPrint(String input) {
        if (givenUp.contains(Thread.currentThread())) return false;
        if (input.isBlank()) {
            // iex evaluates an empty line to nil, and it counts as an input.
            session().recordResult(null);
            printLine(result("nil"));
            counter++;
            return true;
        }
        reports.hold();
        Thread me = Thread.currentThread();
        try {
            EvaluatorProcess.Result r;
            Pid evaluator = shell().pid();
            try {
                InputTrace.mark("hand-over");
                r = shell().evaluateHere(input, counter, me == loopThread ? () -> loopStuck(evaluator) : null);
                InputTrace.mark("result-back");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (r == null) {
                givenUp.add(me); // a new loop thread says what became of the input, and goes on
                return false;
            }
            // (instanceof, not a switch of patterns: its call site is bootstrapped on the first
            // input, 1-3 ms of CPU between the value's return and its print)
            if (r instanceof EvaluatorProcess.Result.Value v) {
                Object value = v.outcome().value();
                if (value == null && !v.outcome().defined().isEmpty()) {
                    Class<?> last = v.outcome().defined().get(v.outcome().defined().size() - 1);
                    value = procshell.runtime.node.Tuple.of(Atom.of("module"), session().modules().atomOf(last));
                }
                IexSession session = session();
                for (Class<?> c : v.outcome().defined()) session.modules().atomOf(c);
                applyColorsConfigured();
                // On the BEAM the exit signals an input causes (a linked process that raises, a
                // supervisor giving up) reach the shell before it prints: give them that moment.
                // If they killed the shell process, iex never prints the value, and neither do we.
                Quiescence.await(node(), evaluator, SETTLE_MS);
                InputTrace.mark("settled");
                if (!node().isAlive(evaluator)) {
                    awaitDeathPrinted(evaluator);
                    return false;
                }
                session.recordResult(value);
                if (value != IexSession.NO_VALUE) printLine(result(session.inspect(value)));
                InputTrace.mark("printed");
                counter++; // as iex: only an input that succeeded moves the counter
                return true;
            } else if (r instanceof EvaluatorProcess.Result.Raised x) {
                String text = ErrorFormatter.format(x.error(), counter);
                if ((x.error() instanceof procshell.runtime.process.Interruption || x.error() instanceof InterruptedException) && !interruptExplained) {
                    interruptExplained = true;
                    text += "\n" + INTERRUPT_NOTE;
                }
                // iex follows an error that has no stack lines with an empty line.
                printLine(error(hasStackLines(text) ? text : text + "\n"));
                return false;
            } else {
                EvaluatorProcess.Result.Died d = (EvaluatorProcess.Result.Died) r;
                // A halted node has said so already (nodeHalted); its shell process just went with it.
                if (procshell.shell.iex.Kernel.RESPAWN.equals(d.reason())) {
                    owner.evaluator().clearVariables();
                    owner.evaluator().setVariable("out", out);
                }
                if (d.pid().node().haltedWith() == null) printRestart(d.pid(), d.reason(), false);
                return false;
            }
        } finally {
            if (!givenUp.contains(me)) reports.release(this::printAsync);
        }
    }

    /** A stack line that is a BEAM call, e.g. {@code :erlang.send(:nobody, :hi)}, {@code :erlang./(1, 0)} or {@code Foo.bar()}. */
    private static final java.util.regex.Pattern BEAM_CALL = java.util.regex.Pattern.compile("(:\\w+|[A-Z][\\w.]*)\\.([a-z_]\\w*[?!]?|[^\\w\\s(]+)\\(.*\\)");

    /** A frame without its file, as the BEAM prints one of a module defined in memory: {@code Z."-inlined-__info__/1-"/1}. */
    private static final java.util.regex.Pattern BEAM_FUNCTION = java.util.regex.Pattern.compile("(:\\w+|[A-Z][\\w.]*)\\.(\"[^\"]+\"|[a-z_]\\w*[?!]?)/\\d+");

    private static boolean hasStackLines(String text) {
        for (String line : text.split("\n")) {
            String t = line.stripLeading();
            if (line.length() - t.length() >= 4
                    && (t.startsWith("(") || t.startsWith("iex:") || BEAM_CALL.matcher(t).matches() || BEAM_FUNCTION.matcher(t).matches())) return true;
        }
        return false;
    }

    /**
     * The shell process died: as iex, print why (nothing for {@code :normal}), an empty line and
     * the banner, and start counting inputs (and v/1's history) from 1 again. Unlike iex, the
     * bindings stay.
     */
    private void printRestart(Pid pid, Object reason, boolean async) {
        counter = 1;
        session().clearResults(); // as iex: the new shell process's history starts empty, v(1) is its first result
        StringBuilder b = new StringBuilder();
        if (!Atom.NORMAL.equals(reason) && !procshell.shell.iex.Kernel.RESPAWN.equals(reason)) {
            b.append(error(deathMessage(pid, reason))).append('\n');
        }
        b.append('\n').append(RESTART_BANNER);
        if (async) printAsync(b.toString());
        else printLine(b.toString());
    }

    private static String deathMessage(Pid pid, Object reason) {
        if (EvaluatorProcess.INTERRUPTED.equals(reason)) return "** (EXIT) interrupted";
        return "** (EXIT from " + pid + ") shell process exited with reason: " + ExitFormatter.format(reason);
    }

    /**
     * The input's value came back, but what it caused killed the shell process before the value
     * could print: iex then shows the EXIT line and banner before the reports that input caused
     * (released after it), so wait for {@link #shellDied} to have printed them (at most 2 s).
     */
    private void awaitDeathPrinted(Pid evaluator) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!evaluator.equals(deathPrinted) && node().haltedWith() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The last shell process whose death {@link #shellDied} has printed. */
    private volatile Pid deathPrinted;

    /** Called when the shell process died between inputs. */
    public void shellDied(Pid pid, Object reason) {
        if (closed) return;
        printRestart(pid, reason, true);
        deathPrinted = pid;
        if (reader != null && reader.isReading() && reader instanceof org.jline.reader.impl.LineReaderImpl r) {
            r.setPrompt(prompt());
            r.callWidget(LineReader.REDRAW_LINE);
            r.callWidget(LineReader.REDISPLAY);
        }
    }

    /** Stops printing events: the node is shutting down. */
    public void close() {
        closed = true;
        // a console closed during an input leaves no one waiting for it (the warm-up of another
        // console of this JVM would give way to that input for ever)
        if (reader != null) Foreground.inputAnswered();
    }

    private void printLine(String text) {
        synchronized (outputLock) {
            out.println(text);
            out.flush();
        }
    }

    private void printAsync(String text) {
        if (reader != null && reader.isReading()) {
            reader.printAbove(text);
        } else {
            printLine(text);
        }
    }
}
