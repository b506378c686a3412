package procshell.shell.observer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.trace.TraceEvent;

/**
 * A sequence diagram of a recording ({@link procshell.runtime.trace.TraceRecorder}): the processes
 * involved as lifelines, named, and one row per message or signal among them, labelled as
 * Livebook's {@code Kino.Process.seq_trace} labels its arrows: {@code CALL}, {@code reply},
 * {@code CAST}, {@code INFO}, {@code EXIT}, {@code DOWN}, {@code SPAWN}, {@code LINK},
 * {@code RESTART}, and a lifeline's end ({@code exit :killed}). Drawn by {@link SequenceText}
 * and {@link SequenceMermaid}.
 *
 * @param lifelines the lifelines' names, left to right in order of first appearance
 * @param rows      the rows, top to bottom
 * @param dropped   events the recording could not keep (shown as a note)
 */
public record TraceDiagram(List<String> lifelines, List<Row> rows, long dropped) {
    /** The longest label an arrow carries; longer ones end in {@code …}. */
    static final int LABEL_MAX = 28;

    /** What a row draws. */
    public enum Kind {
        /** An arrow between two lifelines (or a lifeline and itself). */
        ARROW,
        /** An arrow that starts the target's lifeline (a spawn, a restart). */
        SPAWN,
        /** The end of a lifeline; {@code to} equals {@code from}. */
        END
    }

    /**
     * One row.
     *
     * @param kind  what it draws
     * @param from  index of the source lifeline
     * @param to    index of the target lifeline
     * @param label e.g. {@code CALL :get}, {@code exit :killed}
     */
    public record Row(Kind kind, int from, int to, String label) {}

    /**
     * Builds the diagram of a recording.
     *
     * @param events  the recording, in order
     * @param roots   the processes the trace is about
     * @param causal  true for {@code trace(fn)}: a process joins when an involved one sends it
     *                something, spawns it or restarts it; false for {@code trace(pids, ms)}:
     *                everything to or from the roots, their spawns and their restarted successors
     * @param dropped events the recording could not keep
     * @param namer   a lifeline's name for a pid that no name event of the recording names
     * @param options how terms in labels print
     */
    public static TraceDiagram of(List<TraceEvent> events, Set<Pid> roots, boolean causal, long dropped,
                                  Function<Pid, String> namer, InspectOptions options) {
        return new Builder(events, roots, causal, options).build(namer, dropped);
    }

    /** Folds the recording into rows, one pass in order. */
    private static final class Builder {
        private final List<TraceEvent> events;
        private final Set<Pid> involved;
        private final boolean causal;
        private final InspectOptions options;
        private final Map<Pid, Integer> index = new LinkedHashMap<>();
        private final Map<Pid, String> names = new HashMap<>();
        private final Set<Ref> calls = new HashSet<>();
        private final Set<Pid> ended = new HashSet<>();
        private final Map<Pid, Object> dying = new LinkedHashMap<>();
        private final List<Row> rows = new ArrayList<>();

        Builder(List<TraceEvent> events, Set<Pid> roots, boolean causal, InspectOptions options) {
            this.events = events;
            this.involved = new HashSet<>(roots);
            this.causal = causal;
            this.options = options.withWidth(InspectOptions.INFINITY).withLimit(4).withPrintableLimit(24);
            if (!causal) {
                // A root's successor (restarted by its supervisor) belongs to the trace from its spawn on.
                for (TraceEvent e : events) {
                    if (e.kind() == TraceEvent.Kind.RESTARTED && e.term() instanceof Tuple t && involved.contains(t.get(1)) && e.to() != null) {
                        involved.add(e.to());
                    }
                }
            }
        }

        TraceDiagram build(Function<Pid, String> namer, long dropped) {
            for (TraceEvent e : events) {
                // A process a signal ended gets its end once its own link and monitor signals are drawn.
                if (!dying.isEmpty() && e.kind() != TraceEvent.Kind.NAMED && !(e.kind() == TraceEvent.Kind.MESSAGE && dying.containsKey(e.from()))
                        && !(e.kind() == TraceEvent.Kind.EXITED && dying.containsKey(e.from()))) {
                    flushEnds();
                }
                switch (e.kind()) {
                    case NAMED -> names.putIfAbsent(e.from(), Inspect.inspect(e.term(), options));
                    case MESSAGE -> {
                        if (keep(e)) arrow(Kind.ARROW, e.from(), e.to(), messageLabel(e.term()));
                    }
                    case EXIT_SIGNAL -> {
                        if (keep(e)) {
                            arrow(Kind.ARROW, e.from(), e.to(), "EXIT " + term(e.term()));
                            // The signal ended it: its end is drawn after its own link and monitor
                            // signals, before what those set off in other processes.
                            if (!ended.contains(e.to())) dying.put(e.to(), Atom.KILL.equals(e.term()) ? Atom.KILLED : e.term());
                        }
                    }
                    case LINK -> {
                        if (keep(e)) arrow(Kind.ARROW, e.from(), e.to(), "LINK");
                    }
                    case SPAWN -> {
                        if (keep(e)) spawn(e);
                    }
                    case RESTARTED -> {
                        if (e.to() != null && keep(e)) restart(e);
                    }
                    case EXITED -> {
                        if (dying.containsKey(e.from())) dying.put(e.from(), e.term());
                        else if (involved.contains(e.from())) end(e.from(), e.term());
                    }
                }
            }
            flushEnds();
            return new TraceDiagram(lifelineNames(namer), List.copyOf(rows), dropped);
        }

        /** Whether the event belongs to the trace; in causal mode its target joins it. */
        private boolean keep(TraceEvent e) {
            if (e.from() == null) return !causal && involved.contains(e.to());
            if (causal) {
                if (!involved.contains(e.from())) return false;
                if (e.to() != null) involved.add(e.to());
                return true;
            }
            if (e.kind() == TraceEvent.Kind.SPAWN && involved.contains(e.from())) involved.add(e.to());
            return involved.contains(e.from()) || involved.contains(e.to());
        }

        private void flushEnds() {
            for (Map.Entry<Pid, Object> d : dying.entrySet()) end(d.getKey(), d.getValue());
            dying.clear();
        }

        private void end(Pid pid, Object reason) {
            if (!ended.add(pid)) return;
            int i = lifeline(pid);
            rows.add(new Row(Kind.END, i, i, "exit " + term(reason)));
        }

        private void arrow(Kind kind, Pid from, Pid to, String label) {
            rows.add(new Row(kind, lifeline(from), lifeline(to), label));
        }

        /** A spawn; a link its parent made just before (spawn_link) is part of it. */
        private void spawn(TraceEvent e) {
            if (e.from() == null) {
                lifeline(e.to());
                return;
            }
            int from = lifeline(e.from()), to = lifeline(e.to());
            String label = "SPAWN";
            if (!rows.isEmpty()) {
                Row last = rows.get(rows.size() - 1);
                if (last.kind() == Kind.ARROW && last.from() == from && last.to() == to && last.label().equals("LINK")) {
                    rows.remove(rows.size() - 1);
                    label = "SPAWN (link)";
                }
            }
            rows.add(new Row(Kind.SPAWN, from, to, label));
        }

        /** A supervisor's restart: the spawn of the new child becomes the restart. */
        private void restart(TraceEvent e) {
            int from = lifeline(e.from()), to = lifeline(e.to());
            Object id = e.term() instanceof Tuple t ? t.get(0) : null;
            String label = "RESTART" + (id == null || Atom.UNDEFINED.equals(id) ? "" : " " + term(id));
            for (int i = rows.size() - 1; i >= 0; i--) {
                Row r = rows.get(i);
                if (r.kind() == Kind.SPAWN && r.from() == from && r.to() == to) {
                    rows.set(i, new Row(Kind.SPAWN, from, to, shorten(label + (r.label().endsWith("(link)") ? " (link)" : ""))));
                    return;
                }
            }
            rows.add(new Row(Kind.ARROW, from, to, shorten(label)));
        }

        private String messageLabel(Object m) {
            if (m instanceof Tuple t && t.isTagged(Atom.of("$gen_call"), 3)) {
                // (the tag is OTP 24+'s [:alias | ref] or a bare ref)
                if (t.get(1) instanceof Tuple from && from.size() == 2 && procshell.runtime.dist.ImproperList.replyRef(from.get(1)) instanceof Ref ref) calls.add(ref);
                return "CALL " + term(t.get(2));
            }
            if (m instanceof Tuple t && t.isTagged(Atom.of("$gen_cast"), 2)) return "CAST " + term(t.get(1));
            if (m instanceof Tuple t && t.size() == 2 && procshell.runtime.dist.ImproperList.replyRef(t.get(0)) instanceof Ref ref && calls.remove(ref)) {
                return "reply " + term(t.get(1));
            }
            if (m instanceof Tuple t && t.isTagged(Atom.EXIT, 3)) return "EXIT " + term(t.get(2));
            if (m instanceof Tuple t && t.isTagged(Atom.DOWN, 5)) return "DOWN " + term(t.get(4));
            return "INFO " + term(m);
        }

        private String term(Object t) {
            return shorten(EventLine.reason(t, options));
        }

        private int lifeline(Pid pid) {
            return index.computeIfAbsent(pid, p -> index.size());
        }

        /** Names in index order; a name two lifelines share gets each one's pid. */
        private List<String> lifelineNames(Function<Pid, String> namer) {
            List<Pid> pids = new ArrayList<>(index.keySet());
            List<String> out = new ArrayList<>();
            Map<String, Integer> uses = new HashMap<>();
            for (Pid p : pids) {
                String n = names.containsKey(p) ? names.get(p) : namer.apply(p);
                out.add(n);
                uses.merge(n, 1, Integer::sum);
            }
            for (int i = 0; i < out.size(); i++) {
                String pidText = Inspect.inspect(pids.get(i), options);
                if (uses.get(out.get(i)) > 1 && !out.get(i).equals(pidText)) out.set(i, out.get(i) + " " + pidText);
            }
            return out;
        }
    }

    /** For each lifeline, the row whose spawn (or restart) starts it; -1 when it is there from the top. */
    public int[] starts() {
        int[] start = new int[lifelines.size()];
        java.util.Arrays.fill(start, -1);
        boolean[] seen = new boolean[lifelines.size()];
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            if (!seen[r.to()] && r.kind() == Kind.SPAWN && r.to() != r.from()) start[r.to()] = k;
            seen[r.to()] = true;
            seen[r.from()] = true;
        }
        return start;
    }

    /** For each lifeline, the row of its end ({@code ✕}); -1 when it runs to the bottom. */
    public int[] ends() {
        int[] end = new int[lifelines.size()];
        java.util.Arrays.fill(end, -1);
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            if (r.kind() == Kind.END && end[r.from()] < 0) end[r.from()] = k;
        }
        return end;
    }

    /** A label cut to {@link #LABEL_MAX} characters, ending in {@code …} when cut. */
    static String shorten(String s) {
        return s.length() <= LABEL_MAX ? s : s.substring(0, LABEL_MAX - 1) + "…";
    }
}
