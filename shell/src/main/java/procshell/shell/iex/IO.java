package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.shell.eval.Values;

/** Elixir's {@code IO} module at the prompt: {@code IO.puts/1} and {@code IO.inspect/1}. */
@Doc("""
    Functions for writing to the shell's output.
    """)
public final class IO {
    private IO() {}

    /** Prints the text and a newline, as {@code IO.puts/1}; returns {@code :ok}. */
    @Doc("""
        Writes the text followed by a newline; returns :ok.
        """)
    public static Atom puts(Object text) {
        IexSession s = IexSession.current();
        Object v = Values.normalize(text);
        s.out().println(v instanceof Atom a ? a.name() : v instanceof Number ? Kernel.to_string(v) : String.valueOf(v));
        s.out().flush();
        return Atom.OK;
    }

    /** Prints the inspected term, as {@code IO.inspect/1}; returns the term. */
    @Doc("""
        Writes the inspected term followed by a newline and returns the term.
        """)
    public static Object inspect(Object term) {
        IexSession s = IexSession.current();
        Object v = Values.normalize(term);
        s.out().println(s.inspect(v));
        s.out().flush();
        return v;
    }
}
