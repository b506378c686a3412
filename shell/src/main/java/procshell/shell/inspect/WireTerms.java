package procshell.shell.inspect;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.IexSession;

/**
 * What the shell's own values are on the wire to another node, as the BEAM would have written
 * them (given to {@code TermEncoder.setFallback}): a module class is its module atom, a GString a
 * binary, an exception the Elixir struct it stands for ({@code %RuntimeError{message: "boom"}} is
 * {@code %{__struct__: RuntimeError, __exception__: true, message: "boom"}}), and a crashed
 * process's {@code {exception, java_stack}} the BEAM's exit reason: {@code {struct, stacktrace}},
 * or for the errors the BEAM raises itself its Erlang reason ({@code {:undef, stack}},
 * {@code {{:badmatch, v}, stack}}, ...), the stacktrace as {@code [{module, fun, arity, [file:
 * ~c"iex", line: 4]}]}.
 */
public final class WireTerms {

    private WireTerms() {}

    /**
     * The term to send for {@code o}, or {@code o} itself when the shell has none (the encoder then
     * refuses it).
     *
     * @param node the node whose module table names module classes
     */
    public static Object toWire(Node node, Object o) {
        if (o instanceof Class<?> c) return IexSession.of(node).modules().atomOf(c);
        if (o instanceof groovy.lang.GString g) return g.toString();
        // on the wire with the frames the error names itself too, as a crash report shows them
        RaisedReason raised = RaisedReason.of(o);
        if (raised != null) return Tuple.of(erlangReason(raised.exception()), StackTerms.of(raised.exception(), raised.stack()));
        if (o instanceof Throwable e) return procshell.shell.iex.StructInspect.INSTANCE.exceptionStruct(e);
        if (o instanceof groovy.lang.Closure<?> c) return fun(node, c);
        return o;
    }

    /**
     * A fun of the shell as it goes to another node: one that came from another node as it came; a
     * fn typed at the prompt as iex's, an {@code erl_eval} fun the other node can run; any other
     * (a fn of a module, or one whose form has no translation) a fun of the module it was typed in
     * ({@code :iex} at the prompt), whose code the other node does not have; calling it there fails
     * with {@code :undef}, as on a BEAM node that lacks a fun's module.
     */
    private static Object fun(Node node, groovy.lang.Closure<?> c) {
        if (c instanceof procshell.shell.elixir.erl.ArrivedFun arrived) return arrived.term(); // as it came
        procshell.runtime.process.ProcessContext self = procshell.runtime.process.ProcessContext.current();
        procshell.runtime.node.Pid creator = self != null && self.node() == node ? self.self() : node.pid(0, 0, 0);
        if (c instanceof procshell.shell.elixir.erl.QuotedFun typed) {
            // as iex's fns go: an erl_eval fun that any node can run
            procshell.runtime.dist.FunTerm f = procshell.shell.elixir.erl.ErlEvalFuns.write(typed, c.getMaximumNumberOfParameters(),
                    procshell.runtime.dist.TermEncoder.destination(), creator);
            if (f != null) return f;
        }
        Object owner = c;
        while (owner instanceof groovy.lang.Closure<?> outer) owner = outer.getOwner();
        Atom module = owner instanceof Class<?> k && k.isAnnotationPresent(procshell.shell.iex.ElixirName.class)
                ? IexSession.of(node).modules().atomOf(k) : null;
        byte[] uniq;
        try {
            // each input compiles to classes of its own, whose names may repeat: the class itself tells them apart
            String id = c.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(c.getClass()));
            uniq = java.security.MessageDigest.getInstance("MD5").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new procshell.runtime.dist.LocalFun(module != null ? module : Atom.of("iex"), c.getMaximumNumberOfParameters(), uniq,
                self != null && self.node() == node ? self.self() : null);
    }

    /**
     * The reason the BEAM gives to a process that dies of this error: the Erlang error for those
     * the BEAM raises itself ({@code :undef}, {@code :function_clause}, {@code :badarith},
     * {@code {:badmatch, v}}), else the exception's struct ({@link ExitReasons#errorTerm}).
     */
    public static Object erlangReason(Throwable e) {
        return ExitReasons.errorTerm(e);
    }

}
