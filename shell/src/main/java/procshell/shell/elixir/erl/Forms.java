package procshell.shell.elixir.erl;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Building and reading Erlang's abstract format ({@code erl_parse}'s terms) as runtime terms: a
 * form is a tuple whose first element names it ({@code {:var, anno, :_x@1}},
 * {@code {:call, anno, fun, args}}) and whose second is its annotation (a line, or a keyword list
 * with {@code location:} as Elixir writes for generated code).
 */
final class Forms {
    private Forms() {}

    static Tuple form(String kind, int line, Object... rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = kind.equals("nil") ? null : Atom.of(kind); // {nil, anno}: the atom nil is the term null
        all[1] = line;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return Tuple.of(all);
    }

    static Tuple atom(int line, Object value) {
        return form("atom", line, value);
    }

    static Tuple var(int line, String name) {
        return form("var", line, Atom.of(name));
    }

    /** {@code Module:function(args)} with both names known. */
    static Tuple remoteCall(int line, String module, String function, List<Object> args) {
        return form("call", line, form("remote", line, atom(line, Atom.of(module)), atom(line, Atom.of(function))), args);
    }

    /** The kind of a form ({@code "var"}, {@code "call"}, ...), or null for what is no form. */
    static String kind(Object f) {
        if (!(f instanceof Tuple t) || t.size() < 2) return null;
        if (t.get(0) == null) return t.size() == 2 ? "nil" : null;
        return t.get(0) instanceof Atom a ? a.name() : null;
    }

    /** The line of a form's annotation (a line, or {@code [location: line, ...]}), 0 when it has none. */
    static int line(Object f) {
        if (!(f instanceof Tuple t) || t.size() < 2) return 0;
        Object anno = t.get(1);
        if (anno instanceof Number n) return n.intValue();
        if (anno instanceof Tuple lc && lc.size() == 2 && lc.get(0) instanceof Number n) return n.intValue();
        if (anno instanceof List<?> kw) {
            for (Object o : kw) {
                if (o instanceof Tuple p && p.size() == 2 && Atom.of("location").equals(p.get(0))) {
                    return line(Tuple.of(Atom.of("x"), p.get(1)));
                }
            }
        }
        return 0;
    }

    /** The form's element at {@code i} (0 is its kind). */
    static Object at(Object f, int i) {
        return ((Tuple) f).get(i);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (!(o instanceof List<?> l)) throw Untranslatable.INSTANCE;
        return (List<Object>) l;
    }
}
