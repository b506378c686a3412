package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.ArgumentError;

/**
 * The checks Kernel's {@code if} and {@code unless} macros make on their arguments, with
 * Elixir 1.14's errors: a call with other than two arguments is no macro at all
 * ({@code if x, foo: 1 do ... end} is {@code undefined function if/3 (there is no such import)}),
 * and the clauses must be {@code [do: ...]} or {@code [do: ..., else: ...]}, in that order, else
 * the macro raises {@code ArgumentError: invalid or duplicate keys for if, only "do" and an
 * optional "else" are permitted} while it expands, which iex shows with the macro's frames.
 */
final class IfArguments {
    private IfArguments() {}

    /**
     * Checks an {@code if} or {@code unless} call.
     *
     * @param name  {@code "if"} or {@code "unless"}
     * @param args  the call's arguments as quoted
     * @param line  the call's line, for the error
     * @param where what the last stack line names: {@code (file)} at the prompt, the function
     *              ({@code M.f/0}) in a module
     * @throws CompileError   when the call has other than two arguments
     * @throws ArgumentError  when the clauses are not {@code do} and an optional {@code else}
     */
    static void check(String name, List<Object> args, int line, String where) {
        if (args.size() != 2) throw CompileError.undefinedFunction(line, name, args.size());
        if (valid(args.get(1))) return;
        boolean when = name.equals("if");
        throw new ArgumentError("invalid or duplicate keys for " + name + ", only \"do\" and an optional \"else\" are permitted", List.of(
                "(elixir 1.14.0) lib/kernel.ex:" + (when ? "3731: Kernel.build_if/2" : "3775: Kernel.build_unless/2"),
                "(elixir 1.14.0) expanding macro: Kernel." + name + "/2",
                "iex:" + Math.max(line, 1) + ": " + where));
    }

    /** {@code [do: x]} or {@code [do: x, else: y]}: the only shapes Kernel's {@code build_if/2} takes. */
    static boolean valid(Object clauses) {
        if (!(clauses instanceof List<?> kw) || kw.isEmpty() || kw.size() > 2) return false;
        if (!isKey(kw.get(0), "do")) return false;
        return kw.size() == 1 || isKey(kw.get(1), "else");
    }

    private static boolean isKey(Object pair, String key) {
        return pair instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && a.name().equals(key);
    }
}
