package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Reading Elixir's quoted form: a node is {@code {name, meta, args}} (a 3-tuple whose second
 * element is the metadata keyword list), a variable is a node whose third element is an atom
 * (its context) or nil, anything else is a literal (2-tuples and lists hold quoted elements).
 */
final class Quoted {
    private Quoted() {}

    /** True for a {@code {name, meta, args}} node. */
    static boolean isNode(Object q) {
        return q instanceof Tuple t && t.size() == 3 && t.get(1) instanceof List<?>;
    }

    /** The node's name when it is an atom ({@code :+}, {@code :case}, a variable's name), else null. */
    static String name(Object q) {
        return isNode(q) && ((Tuple) q).get(0) instanceof Atom a ? a.name() : null;
    }

    /** The node's first element (its name, or the {@code {:., ...}} node of a remote call). */
    static Object head(Object q) {
        return ((Tuple) q).get(0);
    }

    /** The node's metadata. */
    static List<?> meta(Object q) {
        return (List<?>) ((Tuple) q).get(1);
    }

    /** The node's arguments, or null for a variable. */
    @SuppressWarnings("unchecked")
    static List<Object> args(Object q) {
        return ((Tuple) q).get(2) instanceof List<?> l ? (List<Object>) l : null;
    }

    /** True for a variable {@code {name, meta, context}}. */
    static boolean isVar(Object q) {
        return isNode(q) && ((Tuple) q).get(0) instanceof Atom && !(((Tuple) q).get(2) instanceof List<?>);
    }

    /** True for a call {@code name(args)} of this name. */
    static boolean isCall(Object q, String name) {
        return name.equals(name(q)) && args(q) != null;
    }

    /** True for a call of this name with this many arguments. */
    static boolean isCall(Object q, String name, int arity) {
        return isCall(q, name) && args(q).size() == arity;
    }

    /** The line of a node (0 when unknown). */
    static int line(Object q) {
        if (!isNode(q)) return 0;
        Object l = keyword(meta(q), "line");
        return l instanceof Integer i ? i : 0;
    }

    /** A keyword list's value for the key, or null. */
    static Object keyword(Object list, String key) {
        if (!(list instanceof List<?> l)) return null;
        for (Object o : l) {
            if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && a.name().equals(key)) return t.get(1);
        }
        return null;
    }

    /** True when a keyword list has the key. */
    static boolean hasKeyword(Object list, String key) {
        if (!(list instanceof List<?> l)) return false;
        for (Object o : l) {
            if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && a.name().equals(key)) return true;
        }
        return false;
    }

    /**
     * What a walk over a quoted form visits under {@code q} when {@code q} is no call: a list's
     * elements, a pair's two terms (a keyword entry, a 2-tuple literal); nothing under a literal or a
     * variable. (A call's parts are its head and arguments, which the walker takes itself.)
     */
    static List<?> parts(Object q) {
        if (q instanceof List<?> l) return l;
        if (q instanceof Tuple t && t.size() == 2) return java.util.Arrays.asList(t.get(0), t.get(1)); // (nil is null)
        return List.of();
    }

    /** The expressions of a block ({@code __block__}) or the expression alone. */
    @SuppressWarnings("unchecked")
    static List<Object> exprs(Object q) {
        if (isCall(q, "__block__")) return args(q);
        return java.util.Collections.singletonList(q);
    }

    /** The clauses {@code pattern -> body} of a do block ({@code [{:->, meta, [[patterns], body]}]}). */
    @SuppressWarnings("unchecked")
    static List<Object> clauses(Object q) {
        if (q instanceof List<?> l) return (List<Object>) l;
        return List.of();
    }

    /** The name of an alias node {@code {:__aliases__, meta, [:Foo, :Bar]}} as "Foo.Bar", or null. */
    static boolean isAlias(Object q) {
        return isCall(q, "__aliases__");
    }

    /**
     * The pieces of a string with interpolations: {@code "a#{x}"} reads as
     * {@code <<"a", Kernel.to_string(x)::binary>>}, whose pieces are {@code ["a", x]} (literal
     * strings, and the interpolated expressions without their {@code Kernel.to_string} wrapper).
     *
     * @param parts the arguments of a {@code :<<>>} node
     * @return the pieces, or null when a part is not a string or an interpolation (a real binary)
     */
    static List<Object> interpolationParts(List<Object> parts) {
        List<Object> items = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String) {
                items.add(p);
            } else if (isCall(p, "::", 2)) {
                Object e = args(p).get(0);
                if (isNode(e) && head(e) instanceof Tuple dot && isCall(dot, ".", 2)
                        && Atom.of("Elixir.Kernel").equals(args(dot).get(0)) && Atom.of("to_string").equals(args(dot).get(1))) {
                    items.add(args(e).get(0));
                } else {
                    return null; // a segment such as x::8 or x::binary: a real binary
                }
            } else {
                return null;
            }
        }
        return items;
    }
}
