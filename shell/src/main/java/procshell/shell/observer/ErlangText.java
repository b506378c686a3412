package procshell.shell.observer;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.TableViewer;

/**
 * Terms spelled as Observer spells them in its list views (Erlang's spellings): pids as
 * {@code <0.120.0>}, atoms as their text ({@code Elixir.MyWorker}), functions as
 * {@code Elixir.MyWorker:init/1}.
 */
public final class ErlangText {
    private ErlangText() {}

    /** {@code <0.120.0>}. */
    public static String pid(Pid pid) {
        return TableViewer.pid(pid);
    }

    /** {@code module:function/arity} for an {@code {m, f, a}} tuple; anything else as its text. */
    public static String mfa(Tuple t) {
        if (t != null && t.size() == 3 && t.get(0) instanceof Atom m && t.get(1) instanceof Atom f) {
            return m.name() + ":" + f.name() + "/" + t.get(2);
        }
        return String.valueOf(t);
    }
}
