package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

import static procshell.shell.elixir.compiler.QuotedForms.call;
import static procshell.shell.elixir.compiler.QuotedForms.def;
import static procshell.shell.elixir.compiler.QuotedForms.list;
import static procshell.shell.elixir.compiler.QuotedForms.remote;
import static procshell.shell.elixir.compiler.QuotedForms.var;

/**
 * Expands {@code defexception fields} in a module's body into what Elixir 1.14's macro defines,
 * before the module is planned or compiled:
 *
 * <ul>
 *   <li>{@code defstruct [__exception__: true] ++ fields};</li>
 *   <li>when the struct has a {@code :message} field, {@code message/1} answering it and an
 *       {@code exception/1} clause taking a string as the message ({@code raise MyError, "text"});</li>
 *   <li>{@code exception/1} of a keyword list, the struct with those fields (unknown ones left
 *       out) ({@code raise MyError, value: 1});</li>
 *   <li>a {@code message/1} or {@code exception/1} the module defines itself replaces the default,
 *       as Elixir's {@code defoverridable} does.</li>
 * </ul>
 *
 * <p>The functions carry the line of the {@code defexception}, which is the line iex shows for
 * them ({@code iex:12: TooBig.exception/1}). When {@code defexception} is the body's last
 * expression the module's value is {@code :ok}, as the macro's last expression gives.
 */
final class ExceptionExpansion {
    private static final Atom BLOCK = Atom.of("__block__");
    private static final Atom EXCEPTION = Atom.of("__exception__");
    private static final Atom MESSAGE = Atom.of("message");

    private ExceptionExpansion() {}

    /**
     * The module's body with its {@code defexception} expanded, or the body itself when it has
     * none.
     *
     * @param body   the {@code do} block of the {@code defmodule}, as quoted
     * @param module the module's full name ({@code Outer.MyError}), or null when not known statically
     */
    static Object inModule(Object body, String module) {
        if (module == null || body == null) return body;
        List<Object> exprs = Quoted.exprs(body);
        int at = -1;
        for (int i = 0; i < exprs.size() && at < 0; i++) if (Quoted.isCall(exprs.get(i), "defexception", 1)) at = i;
        if (at < 0) return body;
        Object defexception = exprs.get(at);
        int line = Quoted.line(defexception);
        Object fields = Quoted.args(defexception).get(0);
        Set<String> defined = defined(exprs);
        boolean hasMessage = !(fields instanceof List<?> l) || hasField(l);

        List<Object> out = new ArrayList<>(exprs.subList(0, at));
        Object flag = Tuple.of(EXCEPTION, Boolean.TRUE);
        Object all = fields instanceof List<?> l ? prepend(flag, l) : call("++", line, list(flag), fields);
        out.add(call("defstruct", line, all));
        if (hasMessage && !defined.contains("message/1")) {
            Object e = var("exception", line);
            out.add(def(line, call("message", line, e), remote("Map", "get", line, e, MESSAGE)));
        }
        if (!defined.contains("exception/1")) {
            if (hasMessage) {
                Object msg = var("msg", line);
                out.add(def(line, call("when", line, call("exception", line, msg), call("is_binary", line, msg)),
                        call("exception", line, list(Tuple.of(MESSAGE, msg)))));
            }
            Object args = var("args", line);
            out.add(def(line, call("when", line, call("exception", line, args), call("is_list", line, args)),
                    call("struct", line, Atom.of("Elixir." + module), args)));
        }
        out.addAll(exprs.subList(at + 1, exprs.size()));
        if (at == exprs.size() - 1) out.add(Atom.of("ok"));
        return Tuple.of(BLOCK, List.of(), out);
    }

    /** The functions the body defines itself, as {@code "name/arity"}. */
    private static Set<String> defined(List<Object> exprs) {
        Set<String> out = new HashSet<>();
        for (Object e : exprs) {
            if (!(Quoted.isCall(e, "def") || Quoted.isCall(e, "defp")) || Quoted.args(e).isEmpty()) continue;
            Object head = Quoted.args(e).get(0);
            if (Quoted.isCall(head, "when")) head = Quoted.args(head).get(0);
            String name = Quoted.name(head);
            if (name != null) out.add(name + "/" + (Quoted.args(head) == null ? 0 : Quoted.args(head).size()));
        }
        return out;
    }

    /** True when a literal field list names {@code :message} (alone or with a default). */
    private static boolean hasField(List<?> fields) {
        for (Object f : fields) {
            if (MESSAGE.equals(f) || f instanceof Tuple t && t.size() == 2 && MESSAGE.equals(t.get(0))) return true;
        }
        return false;
    }

    private static List<Object> prepend(Object first, List<?> rest) {
        List<Object> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return java.util.Collections.unmodifiableList(out);
    }
}
