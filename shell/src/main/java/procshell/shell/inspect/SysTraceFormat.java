package procshell.shell.inspect;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.ErlangFormat;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The {@code *DBG*} line of a traced GenServer's event ({@code :sys.trace(server, true)}), as
 * OTP 25's gen_server writes it, terms in Erlang's syntax:
 * <pre>
 * *DBG* srv got call get from &lt;0.96.0&gt;
 * *DBG* srv sent 1 to &lt;0.96.0&gt;, new state 1
 * *DBG* srv got cast {put,2}
 * *DBG* srv new state 2
 * *DBG* &lt;0.104.0&gt; got hello
 * </pre>
 */
public final class SysTraceFormat {
    private static final Atom IN = Atom.of("in");
    private static final Atom OUT = Atom.of("out");
    private static final Atom NOREPLY = Atom.of("noreply");
    private static final Atom CONTINUE = Atom.of("continue");
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");

    private SysTraceFormat() {}

    /**
     * The line (without its newline).
     *
     * @param e the event: {@code {:in, message}}, {@code {:out, reply, {to, tag}, state}},
     *          {@code {:noreply, state}} or {@code {:continue, arg}}
     * @return e.g. {@code *DBG* srv sent 1 to <0.96.0>, new state 1}
     */
    public static String line(NodeEvent.SysTraced e) {
        String who = ErlangFormat.format(shownName(e));
        Tuple ev = e.event();
        String what;
        if (ev.isTagged(IN, 2) && ev.get(1) instanceof Tuple m && m.isTagged(GEN_CALL, 3) && m.get(1) instanceof Tuple from) {
            what = "got call " + ErlangFormat.format(m.get(2)) + " from " + ErlangFormat.format(from.get(0));
        } else if (ev.isTagged(IN, 2) && ev.get(1) instanceof Tuple m && m.isTagged(GEN_CAST, 2)) {
            what = "got cast " + ErlangFormat.format(m.get(1));
        } else if (ev.isTagged(IN, 2)) {
            what = "got " + ErlangFormat.format(ev.get(1));
        } else if (ev.isTagged(OUT, 4) && ev.get(2) instanceof Tuple to) {
            what = "sent " + ErlangFormat.format(ev.get(1)) + " to " + ErlangFormat.format(to.get(0)) + ", new state " + ErlangFormat.format(ev.get(3));
        } else if (ev.isTagged(NOREPLY, 2)) {
            what = "new state " + ErlangFormat.format(ev.get(1));
        } else if (ev.isTagged(CONTINUE, 2)) {
            what = "continue " + ErlangFormat.format(ev.get(1));
        } else {
            what = "dbg " + ErlangFormat.format(ev);
        }
        return "*DBG* " + who + " " + what;
    }

    /** gen's name of a server: its local name, the name inside {@code {:global, name}} or a via tuple, else its pid. */
    private static Object shownName(NodeEvent.SysTraced e) {
        Object n = e.name();
        if (n instanceof Atom) return n;
        if (n instanceof Tuple t && (t.isTagged(Atom.GLOBAL, 2) || t.isTagged(Atom.VIA, 3))) return t.get(t.size() - 1);
        return e.pid();
    }
}
