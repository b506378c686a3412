package procshell.shell.observer;

import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Interruption;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;
import procshell.runtime.table.Table;
import procshell.runtime.trace.TraceRecorder;

/**
 * One run of {@code trace}: records the node while some work runs (and a short settle time after,
 * so that what the work set off, a supervisor's restart, is seen), then draws the diagram of the
 * processes involved and, with {@code to:}, writes it to a file.
 *
 * @param settleMs how long to keep recording after the work returns, in ms
 * @param to       the file to write the diagram to ({@code .svg}: an SVG picture; {@code .html}: a
 *                 page holding the picture and the terminal drawing; {@code .mmd}/{@code .mermaid}:
 *                 Mermaid; {@code .md}: Mermaid in a fenced block), or null
 * @param live     for {@code trace(pids, ms)}: print each row the moment it is seen (see
 *                 {@link LiveTraceLine}) instead of the diagram at the end
 */
record ProcessTrace(long settleMs, String to, boolean live) {
    /** How often the live trace looks for new rows, in ms. */
    static final long LIVE_POLL_MS = 40;

    /** The settle time when none is given, in ms. */
    static final long DEFAULT_SETTLE_MS = 100;

    /**
     * Reads {@code trace}'s options: {@code to: "file.svg"} (or {@code .html}, {@code .mmd},
     * {@code .mermaid}, {@code .md}), {@code settle: ms}, {@code live: true}.
     *
     * @throws IllegalArgumentException for an unknown option or a value of the wrong type
     */
    static ProcessTrace options(Object opts) {
        long settle = DEFAULT_SETTLE_MS;
        String to = null;
        boolean live = false;
        if (!(opts instanceof List<?> list)) throw new IllegalArgumentException("trace options must be a keyword list, got: " + Inspect.inspect(opts, InspectOptions.DEFAULT));
        for (Object o : list) {
            if (o instanceof Tuple t && t.size() == 2 && Atom.of("to").equals(t.get(0)) && t.get(1) instanceof String s) {
                to = s;
            } else if (o instanceof Tuple t && t.size() == 2 && Atom.of("settle").equals(t.get(0)) && t.get(1) instanceof Number n && n.longValue() >= 0) {
                settle = n.longValue();
            } else if (o instanceof Tuple t && t.size() == 2 && Atom.of("live").equals(t.get(0)) && t.get(1) instanceof Boolean b) {
                live = b;
            } else {
                throw new IllegalArgumentException("unknown trace option: " + Inspect.inspect(o, InspectOptions.DEFAULT)
                        + " (trace takes to: \"file.svg\", settle: milliseconds and live: true)");
            }
        }
        if (to != null && PictureFile.format(to) == null) {
            throw new IllegalArgumentException("trace writes .svg, .html, .mmd, .mermaid or .md files, got: \"" + to + "\"");
        }
        return new ProcessTrace(settle, to, live);
    }

    /**
     * Records while {@code work} runs in the calling process, then for {@code settleMs}; the
     * diagram follows messages from the caller on. Draws the diagram even when the work raises.
     *
     * @param work  the work (the fn given to {@code trace})
     * @param print receives the diagram's text
     * @return the work's value
     * @throws IllegalArgumentException with {@code live: true}, which only {@link #watch} does
     */
    <T> T run(Supplier<T> work, Consumer<String> print, InspectOptions options) {
        if (live) throw new IllegalArgumentException("live: true is for trace(pids_or_names, ms); trace(fn) draws once fn returns");
        ProcessContext self = ProcessContext.require();
        TraceRecorder recorder = new TraceRecorder(self.node());
        recorder.start();
        try {
            T value = work.get();
            if (settleMs > 0) self.receive(m -> false, settleMs);
            return value;
        } finally {
            recorder.stop();
            finish(diagram(self, recorder, Set.of(self.self()), true, options), print);
        }
    }

    /**
     * Records the node for {@code ms} (a negative {@code ms}: until Ctrl-C) and draws what went to
     * or from {@code pids} (and the processes they spawn, and their restarted successors): at the
     * end, or row by row as it happens when {@link #live}. Ctrl-C ends the recording early, as the
     * time running out does; the shell process goes on.
     */
    void watch(Set<Pid> pids, long ms, Consumer<String> print, InspectOptions options) {
        ProcessContext self = ProcessContext.require();
        TraceRecorder recorder = new TraceRecorder(self.node());
        Live shown = live ? new Live() : null;
        long deadline = ms < 0 ? Long.MAX_VALUE : System.nanoTime() + ms * 1_000_000;
        recorder.start();
        try {
            for (long left = ms < 0 ? LIVE_POLL_MS : ms; left > 0; left = ms < 0 ? LIVE_POLL_MS : (deadline - System.nanoTime()) / 1_000_000) {
                self.receive(m -> false, live ? Math.min(LIVE_POLL_MS, left) : left);
                if (live) shown.print(diagram(self, recorder, pids, false, options), print);
            }
        } catch (Interruption ctrlC) {
            // Ctrl-C: stop recording and draw what was seen
        } finally {
            recorder.stop();
            TraceDiagram d = diagram(self, recorder, pids, false, options);
            if (live) {
                shown.print(d, print);
                write(d);
            } else {
                finish(d, print);
            }
        }
    }

    /** The rows printed so far by a live trace; a row redrawn since (a spawn found to be a restart) prints again. */
    private static final class Live {
        private List<TraceDiagram.Row> printed = List.of();

        void print(TraceDiagram d, Consumer<String> print) {
            StringBuilder b = new StringBuilder();
            LocalTime now = LocalTime.now();
            List<TraceDiagram.Row> rows = d.rows();
            for (int k = 0; k < rows.size(); k++) {
                if (k < printed.size() && printed.get(k).equals(rows.get(k))) continue;
                b.append(LiveTraceLine.format(rows.get(k), d.lifelines(), now)).append('\n');
            }
            printed = rows;
            if (!b.isEmpty()) print.accept(b.toString());
        }
    }

    private static TraceDiagram diagram(ProcessContext self, TraceRecorder recorder, Set<Pid> roots, boolean causal, InspectOptions options) {
        Node node = self.node();
        return TraceDiagram.of(recorder.events(), roots, causal, recorder.dropped(), p -> name(node, self.self(), p, options), options);
    }

    private void finish(TraceDiagram d, Consumer<String> print) {
        print.accept(String.join("\n", SequenceText.lines(d)) + "\n");
        write(d);
    }

    /** Writes the diagram to {@link #to} in the format its extension names. */
    private void write(TraceDiagram d) {
        if (to == null) return;
        String title = "procshell trace: " + String.join(", ", d.lifelines());
        PictureFile.write(to, switch (PictureFile.format(to)) {
            case SVG -> SequenceSvg.svg(d, title);
            case HTML -> HtmlPage.of(title, SequenceSvg.svg(d, title), String.join("\n", SequenceText.lines(d)) + "\n");
            case MERMAID -> SequenceMermaid.text(d);
            case MARKDOWN -> "```mermaid\n" + SequenceMermaid.text(d) + "```\n";
        });
    }

    /**
     * A lifeline's name for a process the recording names not: {@code self()} for the shell, its
     * registered name, its key in a Registry (a via name), else its pid.
     */
    static String name(Node node, Pid shell, Pid pid, InspectOptions options) {
        if (pid.equals(shell)) return "self()";
        LocalProcess p = node.process(pid);
        if (p != null && p.registeredName() != null) return Inspect.inspect(p.registeredName(), options);
        if (p != null) {
            for (Table t : node.tables().tables()) {
                if (!t.isNamed()) continue;
                try {
                    List<Object> keys = Registry.keys(t.name(), pid);
                    if (!keys.isEmpty()) return Inspect.inspect(keys.get(0), options);
                } catch (RuntimeException notARegistry) {
                    // an ordinary table
                }
            }
        }
        return Inspect.inspect(pid, options);
    }

    /** The pids of {@code trace/2}'s first argument: a pid, a name, or a list of them. */
    static Set<Pid> pids(Object pidsOrNames, java.util.function.Function<Object, Pid> resolve) {
        Set<Pid> out = new LinkedHashSet<>();
        if (pidsOrNames instanceof List<?> list) for (Object o : list) out.add(resolve.apply(o));
        else out.add(resolve.apply(pidsOrNames));
        return out;
    }
}
