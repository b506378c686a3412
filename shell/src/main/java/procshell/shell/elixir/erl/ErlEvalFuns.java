package procshell.shell.elixir.erl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.dist.FunTerm;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.elixir.compiler.DirectInput;
import procshell.shell.iex.MapTerm;

/**
 * A shell fn on the wire as iex's is: an {@code erl_eval} fun whose one free variable is its
 * environment {@code {Anno, Bindings, :none, :none, %{}, Clauses}} (OTP 25's
 * {@code erl_eval:expr/6}: the bindings of the variables it reads, a map from their Erlang names,
 * and its clauses in Erlang's abstract format), which any node with {@code erl_eval} can run; and
 * such a fun arriving here made a callable fn again.
 */
public final class ErlEvalFuns {
    private static final Atom ERL_EVAL = Atom.of("erl_eval");
    private static final Atom NONE = Atom.of("none");

    private ErlEvalFuns() {}

    /**
     * The {@code erl_eval} fun for a shell fn, for {@code node}'s {@code erl_eval}.
     *
     * @param fn      the fn, with its quoted form and bindings (a null form: a fn of a module, which has none)
     * @param arity   its arity
     * @param node    the node it goes to (its {@code erl_eval}'s identity), or null for none in particular
     * @param creator the pid of the process that made or sends it
     * @return the fun, or null when the fn holds what has no translation (it then goes as before)
     */
    public static FunTerm write(QuotedFun fn, int arity, Atom node, Object creator) {
        Map<String, Object> values = fn.bindings();
        ElixirToErlang.Fun f = translate(fn, values, arity);
        if (f == null) return null;
        MapTerm bindings = new MapTerm();
        f.free().forEach((name, erl) -> bindings.put(Atom.of(erl), values.get(name)));
        Tuple env = Tuple.of(f.line(), bindings, NONE, NONE, new MapTerm(), f.clauses());
        ErlEvalIdentity id = ErlEvalIdentity.of(node);
        return new FunTerm(ERL_EVAL, arity, id.uniq(), id.index()[arity], id.index()[arity], id.oldUniq(), creator, List.of(env), null);
    }

    /**
     * True when a fn goes to other nodes as a fun they can run: one that came from another node
     * as an {@code erl_eval} fun, or a fn typed here whose form translates.
     */
    public static boolean travels(groovy.lang.Closure<?> fn) {
        if (fn instanceof ArrivedFun) return true;
        return fn instanceof QuotedFun typed && translate(typed, typed.bindings(), fn.getMaximumNumberOfParameters()) != null;
    }

    /** The fn in Erlang's abstract format, or null when it has none (or not of this arity, or more than erl_eval takes). */
    private static ElixirToErlang.Fun translate(QuotedFun fn, Map<String, Object> values, int arity) {
        if (arity > ErlEvalIdentity.MAX_ARITY || fn.quoted() == null) return null; // a fn of a module: a fun of it
        try {
            ElixirToErlang.Fun f = ElixirToErlang.fn(fn.quoted(), values.keySet());
            return f.arity() == arity ? f : null;
        } catch (Untranslatable | ClassCastException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * A fn for an arriving fun (given to {@code TermDecoder.setFunReader}): for an
     * {@code erl_eval} fun whose clauses translate, a callable {@link ArrivedFun}; null for any
     * other fun (it stays opaque and fails with {@code :undef} when called, as on a node that lacks
     * its module).
     */
    public static Object read(FunTerm f) {
        if (!ERL_EVAL.equals(f.module()) || f.free().size() != 1 || !(f.free().get(0) instanceof Tuple env) || env.size() != 6) return null;
        Map<String, Object> bindings = bindings(env.get(1));
        if (bindings == null || !(env.get(5) instanceof List<?> clauses) || clauses.isEmpty()) return null;
        try {
            @SuppressWarnings("unchecked")
            Object quoted = ErlangToElixir.fn((List<Object>) clauses, bindings.keySet());
            Map<String, Object> byElixirName = new LinkedHashMap<>();
            bindings.forEach((erl, v) -> byElixirName.put(ErlangToElixir.elixirName(erl), procshell.shell.eval.Values.normalize(v)));
            DirectInput input = DirectInput.plan(quoted, byElixirName.keySet());
            if (input == null) return null;
            Object made = input.run(new DirectInput.Variables() {
                @Override
                public Object get(String name) {
                    return byElixirName.get(name);
                }

                @Override
                public void set(String name, Object value) { }
            });
            if (!(made instanceof groovy.lang.Closure<?> c) || c.getMaximumNumberOfParameters() != f.arity()) return null;
            return new ArrivedFun(f, c);
        } catch (Throwable e) {
            return null; // no translation: an opaque fun, as before
        }
    }

    /** erl_eval's bindings (a map, or an orddict of {name, value}) by Erlang name; null for neither. */
    private static Map<String, Object> bindings(Object bs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (bs instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof Atom a)) return null;
                out.put(a.name(), e.getValue());
            }
            return out;
        }
        if (bs instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Atom a)) return null;
                out.put(a.name(), t.get(1));
            }
            return out;
        }
        return null;
    }
}
