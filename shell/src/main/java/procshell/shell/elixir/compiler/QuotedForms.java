package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Builds quoted forms as Elixir's reader gives them, for the expansions that rewrite an input
 * before it is planned ({@link ProtocolExpansion}, {@link ExceptionExpansion}): each node carries
 * the line it stands for, so errors and stack lines name the line the person typed.
 */
final class QuotedForms {
    private static final Atom DEFMODULE = Atom.of("defmodule");
    private static final Atom DEF = Atom.of("def");
    private static final Atom BLOCK = Atom.of("__block__");
    private static final Atom ALIASES = Atom.of("__aliases__");
    private static final Atom DOT = Atom.of(".");
    private static final Atom DO = Atom.of("do");
    private static final Atom LINE = Atom.of("line");

    private QuotedForms() {}

    /** {@code defmodule Name do body end}. */
    static Object defmodule(Atom name, int line, List<Object> body) {
        return Tuple.of(DEFMODULE, meta(line), list(name, list(Tuple.of(DO, Tuple.of(BLOCK, List.of(), body)))));
    }

    /** {@code def head do body end}. */
    static Object def(int line, Object head, Object body) {
        return Tuple.of(DEF, meta(line), list(head, list(Tuple.of(DO, body))));
    }

    /** A local call {@code fun(args)}, or an operator or special form of that name. */
    static Object call(String fun, int line, Object... args) {
        return Tuple.of(Atom.of(fun), meta(line), list(args));
    }

    /** A remote call {@code Module.fun(args)} of an Elixir module. */
    static Object remote(String module, String fun, int line, Object... args) {
        Object alias = Tuple.of(ALIASES, meta(line), list(Atom.of(module)));
        return Tuple.of(Tuple.of(DOT, meta(line), list(alias, Atom.of(fun))), meta(line), list(args));
    }

    /** The variable {@code name}. */
    static Object var(String name, int line) {
        return Tuple.of(Atom.of(name), meta(line), null);
    }

    /** A node's metadata: its line. */
    static List<Object> meta(int line) {
        return list(Tuple.of(LINE, line));
    }

    /** An unmodifiable list that may hold nil, as the reader's quoted lists. */
    static List<Object> list(Object... items) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
    }

    /** A two-element list whose second element is itself a list (a call's arguments and its keyword options). */
    static List<Object> list(Object a, List<Object> b) {
        return list(a, (Object) b);
    }
}
