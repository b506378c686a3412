package procshell.shell.elixir.reader;

import java.util.ArrayList;
import java.util.List;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** Builders for Elixir's quoted form: {@code {name, meta, args}} nodes, metadata and blocks. */
final class Quoted {
    private Quoted() {
    }

    static final Atom LINE = Atom.of("line");
    static final Atom COLUMN = Atom.of("column");
    static final Atom NO_PARENS = Atom.of("no_parens");
    static final Atom AMBIGUOUS_OP = Atom.of("ambiguous_op");
    static final Atom DELIMITER = Atom.of("delimiter");
    static final Atom INDENTATION = Atom.of("indentation");
    static final Atom BLOCK = Atom.of("__block__");
    static final Atom ALIASES = Atom.of("__aliases__");
    static final Atom DOT = Atom.of(".");
    static final Atom BIN = Atom.of("<<>>");
    static final Atom TYPE = Atom.of("::");
    static final Atom TO_STRING = Atom.of("to_string");
    static final Atom KERNEL = Atom.of("Elixir.Kernel");
    static final Atom BINARY = Atom.of("binary");
    static final Atom STAB = Atom.of("->");
    static final Atom WHEN = Atom.of("when");
    static final Atom NOT = Atom.of("not");
    static final Atom BANG = Atom.of("!");
    static final Atom IN = Atom.of("in");
    static final Atom UNQUOTE_SPLICING = Atom.of("unquote_splicing");

    /** An unmodifiable list that, unlike List.of, may hold nil (null). */
    static List<Object> list(Object... items) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
    }

    /** [line: l, column: c]. */
    static List<Object> meta(int line, int column) {
        return list(Tuple.of(LINE, line), Tuple.of(COLUMN, column));
    }

    static List<Object> meta(Token t) {
        return meta(t.line(), t.column());
    }

    /** The meta with one more entry in front ({@code no_parens: true}, {@code delimiter: "("}...). */
    static List<Object> metaWith(Atom key, Object value, List<Object> meta) {
        List<Object> m = new ArrayList<>(meta.size() + 1);
        m.add(Tuple.of(key, value));
        m.addAll(meta);
        return m;
    }

    static Tuple node(Object name, List<Object> meta, Object args) {
        return Tuple.of(name, meta, args);
    }

    /** A 3-tuple node whose first element is {@code name} and which has {@code arity} arguments. */
    static boolean isNode(Object o, Atom name, int arity) {
        return o instanceof Tuple t && t.size() == 3 && name.equals(t.get(0)) && t.get(2) instanceof List<?> l
                && (arity < 0 || l.size() == arity);
    }

    @SuppressWarnings("unchecked")
    static List<Object> args(Object node) {
        return (List<Object>) ((Tuple) node).get(2);
    }

    @SuppressWarnings("unchecked")
    static List<Object> metaOf(Object node) {
        return (List<Object>) ((Tuple) node).get(1);
    }

    /** The value of {@code key} in a node's meta, or 0. */
    static int metaInt(Object node, Atom key) {
        if (!(node instanceof Tuple t) || t.size() != 3 || !(t.get(1) instanceof List<?> meta)) {
            return 0;
        }
        for (Object entry : meta) {
            if (entry instanceof Tuple kv && key.equals(kv.get(0)) && kv.get(1) instanceof Integer i) {
                return i;
            }
        }
        return 0;
    }

    /** build_block/1: one expression stands alone (except a lone unary not/! or unquote_splicing), several make a __block__. */
    static Object block(List<Object> exprs) {
        if (exprs.size() == 1) {
            Object e = exprs.get(0);
            boolean wrap = isNode(e, NOT, 1) || isNode(e, BANG, 1) || isNode(e, UNQUOTE_SPLICING, 1);
            if (!wrap) {
                return e;
            }
        }
        return node(BLOCK, list(), exprs);
    }

    static Tuple emptyBlock() {
        return node(BLOCK, list(), list());
    }

    /** {@code {{:., meta, [module, fun]}, meta, args}}: a remote call. */
    static Tuple remote(Object module, Atom fun, List<Object> meta, List<Object> args) {
        return node(node(DOT, meta, list(module, fun)), meta, args);
    }
}
