package procshell.shell.observer;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * One process as {@code observer()}'s process page shows it (Enter on a row), the facts Observer's
 * process window, observer_cli's process view and LiveDashboard's process modal give: Info (what
 * {@code Process.info/1} gives, links and dictionary in their own sections, and the memory), the
 * Messages in its queue (each shortened), its Dictionary, its State ({@code :sys.get_state} with a
 * timeout; a process that does not answer says so), its Links, Monitors and Monitored by, and its
 * current Stack in Elixir's terms.
 *
 * <p>A page is a snapshot: {@link #refresh} reads it again (the state only when asked, as reading
 * it can wait for the timeout). Once the process is gone the page says so and keeps the last facts.
 */
final class ProcessPage {
    /** How long {@code :sys.get_state} may take, in ms. */
    static final long STATE_TIMEOUT_MS = 1_000;
    /** Messages listed at most (the rest are counted). */
    static final int MAX_MESSAGES = 100;
    private static final List<Atom> MORE = List.of(Atom.of("messages"), Atom.of("monitors"), Atom.of("monitored_by"), Atom.of("memory"));
    private static final Atom LINKS = Atom.of("links");
    private static final Atom DICTIONARY = Atom.of("dictionary");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final AttributedStyle HEADING = AttributedStyle.BOLD;
    private static final AttributedStyle GONE = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();

    private final Pid pid;
    private List<Tuple> info = List.of();
    private List<Tuple> more = List.of();
    private List<String> stack = List.of();
    private ObservedNode.StateRead state = ObservedNode.StateRead.none("not read yet");
    private boolean alive;
    private String readAt = "";
    private String stateAt = "";
    private String note;

    private ProcessPage(Pid pid) {
        this.pid = pid;
    }

    /** Reads a process's page now, its state included. */
    static ProcessPage open(ObservedNode node, Pid pid) {
        ProcessPage p = new ProcessPage(pid);
        p.refresh(node, true);
        return p;
    }

    /** The process shown. */
    Pid pid() {
        return pid;
    }

    /** True when the process was alive at the last read. */
    boolean alive() {
        return alive;
    }

    /** Says why the process died, when the page knows (it killed it). */
    void note(String why) {
        this.note = why;
    }

    /**
     * Reads the facts again; the state too when {@code withState}. A dead process keeps the facts
     * last read.
     */
    void refresh(ObservedNode node, boolean withState) {
        List<Tuple> i = node.info(pid);
        List<Tuple> m = i == null ? null : node.info(pid, MORE);
        readAt = TIME.format(LocalTime.now());
        if (i == null || m == null) {
            alive = false;
            stack = List.of();
            return;
        }
        alive = true;
        info = i;
        more = m;
        stack = node.stack(pid);
        if (withState) {
            state = node.state(pid, STATE_TIMEOUT_MS);
            stateAt = TIME.format(LocalTime.now());
        }
    }

    /**
     * The page's lines: a title, then each section's heading and entries, terms inspected with
     * {@code o} (messages shortened; the state pretty-printed to {@code width}).
     */
    List<AttributedString> lines(InspectOptions o, int width) {
        InspectOptions plain = o.withSyntaxColors(procshell.runtime.inspect.SyntaxColors.none());
        InspectOptions line = plain.withWidth(InspectOptions.INFINITY);
        InspectOptions shortened = line.withLimit(10).withPrintableLimit(80);
        List<AttributedString> out = new ArrayList<>();
        Object name = value(info, "registered_name");
        String who = Inspect.inspect(pid) + (name instanceof Atom a ? "  " + Inspect.inspect(a, line) : "");
        if (alive) {
            String status = value(info, "status") instanceof Atom a ? a.name() : "";
            out.add(new AttributedString("Process " + who + "  " + status + "  (read " + readAt + ")", HEADING));
        } else {
            out.add(new AttributedString("Process " + who + " is dead" + (note == null ? "" : " (" + note + ")")
                    + "; the facts below are from before", GONE));
        }

        heading(out, "Info (Process.info/1)");
        for (Tuple t : info) if (!LINKS.equals(t.get(0)) && !DICTIONARY.equals(t.get(0))) out.add(entry(keyword(t, line)));
        for (Tuple t : more) if (Atom.of("memory").equals(t.get(0))) out.add(entry(keyword(t, line)));

        List<?> messages = list(more, "messages");
        heading(out, "Messages (" + messages.size() + " queued)");
        for (int k = 0; k < Math.min(MAX_MESSAGES, messages.size()); k++) out.add(entry(Inspect.inspect(messages.get(k), shortened)));
        if (messages.size() > MAX_MESSAGES) out.add(entry("… " + (messages.size() - MAX_MESSAGES) + " more"));
        none(out, messages);

        List<?> dictionary = list(info, "dictionary");
        heading(out, "Dictionary (" + dictionary.size() + ")");
        for (Object kv : dictionary) out.add(entry(kv instanceof Tuple t && t.size() == 2 ? keyword(t, line) : Inspect.inspect(kv, line)));
        none(out, dictionary);

        heading(out, "State (:sys.get_state, " + STATE_TIMEOUT_MS + " ms timeout" + (stateAt.isEmpty() ? "" : ", read " + stateAt) + ")");
        if (state.problem() != null) out.add(entry("(" + state.problem() + ")"));
        else for (String l : Inspect.inspect(state.state(), plain.withPretty(true).withWidth(Math.max(20, width - 2))).split("\n")) out.add(entry(l));

        pids(out, "Links", list(info, "links"), line);
        pids(out, "Monitors", list(more, "monitors"), line);
        pids(out, "Monitored by", list(more, "monitored_by"), line);

        heading(out, "Stack (current)");
        for (String l : stack) out.add(entry(l));
        if (stack.isEmpty()) out.add(entry(alive ? "(unknown)" : "(none: the process is dead)"));
        return out;
    }

    private static void heading(List<AttributedString> out, String text) {
        out.add(AttributedString.EMPTY);
        out.add(new AttributedString(text, HEADING));
    }

    private static AttributedString entry(String text) {
        return new AttributedString("  " + text);
    }

    private static void none(List<AttributedString> out, List<?> items) {
        if (items.isEmpty()) out.add(entry("(none)"));
    }

    private static void pids(List<AttributedString> out, String title, List<?> items, InspectOptions o) {
        heading(out, title + " (" + items.size() + ")");
        for (Object p : items) out.add(entry(Inspect.inspect(p, o)));
        none(out, items);
    }

    /** {@code key: value} as a keyword list's item prints ({@code "$initial_call": {M, :init, 1}}), or {@code {k, v}}. */
    static String keyword(Tuple kv, InspectOptions o) {
        String s = Inspect.inspect(List.of(kv), o);
        return s.substring(1, s.length() - 1);
    }

    private static Object value(List<Tuple> kw, String key) {
        Atom k = Atom.of(key);
        for (Tuple t : kw) if (k.equals(t.get(0))) return t.get(1);
        return null;
    }

    private static List<?> list(List<Tuple> kw, String key) {
        return value(kw, key) instanceof List<?> l ? l : List.of();
    }
}
