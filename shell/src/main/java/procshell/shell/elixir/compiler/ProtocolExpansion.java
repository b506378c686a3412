package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

import static procshell.shell.elixir.compiler.QuotedForms.call;
import static procshell.shell.elixir.compiler.QuotedForms.def;
import static procshell.shell.elixir.compiler.QuotedForms.defmodule;
import static procshell.shell.elixir.compiler.QuotedForms.list;
import static procshell.shell.elixir.compiler.QuotedForms.meta;
import static procshell.shell.elixir.compiler.QuotedForms.remote;
import static procshell.shell.elixir.compiler.QuotedForms.var;

/**
 * Expands {@code defprotocol} and {@code defimpl} into the modules Elixir's macros define, before
 * an input is planned or compiled, so that both paths see only {@code defmodule}s (and, in each
 * module's body, {@code defexception} as {@link ExceptionExpansion} expands it):
 *
 * <ul>
 *   <li>{@code defprotocol Size do def size(data) end} defines the module {@code Size} with
 *       {@code impl_for/1}, {@code impl_for!/1} (which raises Protocol.UndefinedError), one
 *       function per head that dispatches to the implementation ({@code impl_for!(data).size(data)},
 *       as Elixir's protocol does when not consolidated) and, last, {@code __protocol__/1}, so
 *       the input's value is {@code {:module, Size, <<...>>, {:__protocol__, 1}}} as in iex;</li>
 *   <li>{@code defimpl Size, for: BitString do ... end} defines {@code Size.BitString} with
 *       {@code __impl__/1}, the attributes {@code @protocol} and {@code @for}, then the body;
 *       {@code for: [A, B]} defines one module each (the value is their list), and a
 *       {@code defimpl} without {@code for:} inside {@code defmodule Point} is for {@code Point}.</li>
 * </ul>
 *
 * <p>An implementation is found at run time by its module's name, the protocol's followed by the
 * type's ({@code procshell.shell.iex.ElixirProtocol}), as Elixir finds one before consolidation.
 * Names are taken as written: an alias of the protocol or of the type is not expanded in the
 * implementation's name.
 */
public final class ProtocolExpansion {
    private static final Atom DEFMODULE = Atom.of("defmodule");
    private static final Atom DEFPROTOCOL = Atom.of("defprotocol");
    private static final Atom DEFIMPL = Atom.of("defimpl");
    private static final Atom DEF = Atom.of("def");
    private static final Atom BLOCK = Atom.of("__block__");
    private static final Atom ALIASES = Atom.of("__aliases__");
    private static final Atom DOT = Atom.of(".");
    private static final Atom AT = Atom.of("@");
    private static final Atom DO = Atom.of("do");
    private static final Atom FOR = Atom.of("for");

    private ProtocolExpansion() {}

    /**
     * The input with every {@code defprotocol} and {@code defimpl} (at its top level or in a
     * {@code defmodule}'s body) replaced by the {@code defmodule}s they stand for; the input itself
     * when it has none.
     *
     * @param quoted an input's quoted form
     * @throws CompileError for a {@code defimpl} without {@code for:} outside a module
     */
    public static Object expand(Object quoted) {
        return expand(quoted, null);
    }

    private static Object expand(Object q, String enclosing) {
        if (!(q instanceof Tuple t) || t.size() != 3 || !(t.get(2) instanceof List<?> args)) return q;
        Object head = t.get(0);
        if (DEFPROTOCOL.equals(head) && args.size() == 2) return protocol(args, Quoted.line(t));
        if (DEFIMPL.equals(head) && (args.size() == 2 || args.size() == 3)) return impl(args, Quoted.line(t), enclosing);
        if (BLOCK.equals(head)) return Tuple.of(head, t.get(1), expandAll(args, enclosing));
        if (DEFMODULE.equals(head) && args.size() == 2 && args.get(1) instanceof List<?> opts) {
            String name = name(args.get(0));
            String inner = name == null ? null : enclosing == null || args.get(0) instanceof Atom ? name : enclosing + "." + name;
            List<Object> newOpts = new ArrayList<>();
            boolean changed = false;
            for (Object o : opts) {
                if (o instanceof Tuple kv && kv.size() == 2 && DO.equals(kv.get(0))) {
                    Object body = ExceptionExpansion.inModule(expand(kv.get(1), inner), inner);
                    changed |= body != kv.get(1);
                    newOpts.add(Tuple.of(DO, body));
                } else {
                    newOpts.add(o);
                }
            }
            return changed ? Tuple.of(head, t.get(1), list(args.get(0), newOpts)) : q;
        }
        return q;
    }

    private static List<Object> expandAll(List<?> exprs, String enclosing) {
        List<Object> out = new ArrayList<>(exprs.size());
        for (Object e : exprs) out.add(expand(e, enclosing));
        return out;
    }

    /** {@code defprotocol Name do heads end} as the protocol's module. */
    private static Object protocol(List<?> args, int line) {
        String name = name(args.get(0));
        if (name == null) throw new CompileError(line, "invalid protocol name");
        Object body = Quoted.keyword(args.get(1), "do");
        boolean fallback = false;
        List<Object> defs = new ArrayList<>();
        List<Object> functions = new ArrayList<>();
        Atom module = Atom.of("Elixir." + name);
        Object data = var("data", line);
        defs.add(def(line, call("impl_for", line, data),
                remote("Protocol", "_impl_for_", line, module, data, null)));
        defs.add(def(line, call("impl_for!", line, data),
                remote("Protocol", "_impl_for_strict_", line, module, data, null)));
        for (Object e : exprs(body)) {
            if (e instanceof Tuple a && AT.equals(a.get(0)) && a.get(2) instanceof List<?> at && !at.isEmpty()
                    && at.get(0) instanceof Tuple attr && Atom.of("fallback_to_any").equals(attr.get(0))) {
                fallback = attr.get(2) instanceof List<?> v && !v.isEmpty() && Boolean.TRUE.equals(v.get(0));
            }
            if (!(e instanceof Tuple d && DEF.equals(d.get(0)) && d.get(2) instanceof List<?> da && da.size() == 1
                    && da.get(0) instanceof Tuple h && h.get(0) instanceof Atom fun && h.get(2) instanceof List<?> params
                    && !params.isEmpty())) {
                continue;
            }
            int at = Quoted.line(d);
            List<Object> vars = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) vars.add(var(i == 0 ? "term" : "arg" + i, at));
            Object impl = var("impl", at);
            Object dispatch = Tuple.of(BLOCK, List.of(), list(
                    Tuple.of(Atom.of("="), meta(at), list(impl, call("impl_for!", at, vars.get(0)))),
                    Tuple.of(Tuple.of(DOT, meta(at), list(impl, fun)), meta(at), vars)));
            defs.add(def(at, Tuple.of(fun, meta(at), vars), dispatch));
            functions.add(Tuple.of(fun, params.size()));
        }
        // the fallback is known once the whole body is read: impl_for's calls take it last
        for (int i = 0; i < 2; i++) defs.set(i, withFallback(defs.get(i), fallback));
        defs.add(def(line, call("__protocol__", line, Atom.of("module")), module));
        defs.add(def(line, call("__protocol__", line, Atom.of("functions")), functions));
        defs.add(def(line, call("__protocol__", line, Atom.of("consolidated?")), false));
        defs.add(def(line, call("__protocol__", line, Atom.of("impls")), Atom.of("not_consolidated")));
        return defmodule(module, line, defs);
    }

    /** {@code defimpl Protocol, for: Type do body end} as the implementation's module (or a list of them). */
    private static Object impl(List<?> args, int line, String enclosing) {
        String protocol = name(args.get(0));
        if (protocol == null) throw new CompileError(line, "invalid protocol name");
        Object opts = args.size() == 3 ? args.get(1) : List.of();
        Object body = Quoted.keyword(args.size() == 3 ? args.get(2) : args.get(1), "do");
        if (body == null) body = Quoted.keyword(args.get(1), "do");
        Object forOpt = Quoted.keyword(opts, "for");
        if (forOpt == null) forOpt = Quoted.keyword(args.get(1), "for");
        List<String> types = new ArrayList<>();
        if (forOpt instanceof List<?> many) {
            for (Object o : many) types.add(name(o));
        } else if (forOpt != null) {
            types.add(name(forOpt));
        } else if (enclosing != null) {
            types.add(enclosing);
        } else {
            throw new CompileError(line, "defimpl/3 expects a :for option when declared outside a module");
        }
        List<Object> modules = new ArrayList<>();
        for (String type : types) {
            if (type == null) throw new CompileError(line, "invalid :for option in defimpl");
            Atom protocolAtom = Atom.of("Elixir." + protocol), typeAtom = Atom.of("Elixir." + type);
            List<Object> defs = new ArrayList<>();
            defs.add(Tuple.of(AT, meta(line), list(Tuple.of(Atom.of("protocol"), meta(line), list(protocolAtom)))));
            defs.add(Tuple.of(AT, meta(line), list(Tuple.of(FOR, meta(line), list(typeAtom)))));
            defs.add(def(line, call("__impl__", line, Atom.of("for")), typeAtom));
            defs.add(def(line, call("__impl__", line, Atom.of("protocol")), protocolAtom));
            defs.addAll(exprs(body));
            modules.add(defmodule(Atom.of("Elixir." + protocol + "." + type), line, defs));
        }
        return modules.size() == 1 ? modules.get(0) : modules;
    }

    private static Object withFallback(Object def, boolean fallback) {
        Tuple d = (Tuple) def;
        List<?> dargs = (List<?>) d.get(2);
        Tuple call = (Tuple) Quoted.keyword(dargs.get(1), "do");
        List<Object> callArgs = new ArrayList<>((List<?>) call.get(2));
        callArgs.set(callArgs.size() - 1, fallback);
        return Tuple.of(d.get(0), d.get(1), list(dargs.get(0), list(Tuple.of(DO, Tuple.of(call.get(0), call.get(1), callArgs)))));
    }

    /** The dotted name of an alias ({@code String.Chars}) or a module atom, or null for anything else. */
    private static String name(Object alias) {
        if (alias instanceof Atom a) return a.name().startsWith("Elixir.") ? a.name().substring(7) : a.name();
        if (!(alias instanceof Tuple t) || t.size() != 3 || !ALIASES.equals(t.get(0)) || !(t.get(2) instanceof List<?> parts)) return null;
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (!(p instanceof Atom a)) return null;
            if (!b.isEmpty()) b.append('.');
            b.append(a.name());
        }
        return b.toString();
    }

    private static List<Object> exprs(Object body) {
        return body == null ? List.of() : Quoted.exprs(body);
    }
}
