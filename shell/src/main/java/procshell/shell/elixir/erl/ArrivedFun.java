package procshell.shell.elixir.erl;

import procshell.runtime.dist.FunTerm;

/**
 * An {@code erl_eval} fun from another node (a fn typed in iex, {@code elixir -e} or a procshell
 * shell), callable here: its clauses, back in Elixir's quoted form, run on the shell's direct
 * evaluator with its bindings. It keeps the fun as it arrived, so that sent on it goes out
 * byte for byte as it came (equal to itself on the node that made it).
 */
public final class ArrivedFun extends groovy.lang.Closure<Object> implements procshell.runtime.global.ResolveMethod {
    private final transient FunTerm term;
    private final transient groovy.lang.Closure<?> body;

    ArrivedFun(FunTerm term, groovy.lang.Closure<?> body) {
        super(null);
        this.term = term;
        this.body = body;
        maximumNumberOfParameters = term.arity();
        parameterTypes = new Class<?>[term.arity()];
        java.util.Arrays.fill(parameterTypes, Object.class);
    }

    /** The fun as it arrived (its bytes included). */
    public FunTerm term() {
        return term;
    }

    @Override
    public Object call() {
        return body.call();
    }

    @Override
    public Object call(Object argument) {
        return body.call(argument);
    }

    @Override
    public Object call(Object... arguments) {
        return body.call(arguments);
    }

    /** As a resolve method of {@code :global}: {@code fun.(name, pid1, pid2)}. */
    @Override
    public Object resolve(Object name, procshell.runtime.node.Pid pid1, procshell.runtime.node.Pid pid2) {
        return procshell.shell.eval.Values.normalize(body.call(name, pid1, pid2));
    }

    /** As a resolve method, it goes on as it came. */
    @Override
    public Object onWire() {
        return term;
    }

    /** What Groovy's own dispatch of a closure call looks for. */
    public Object doCall(Object... arguments) {
        return body.call(arguments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrivedFun f && f.term.equals(term);
    }

    @Override
    public int hashCode() {
        return term.hashCode();
    }
}
