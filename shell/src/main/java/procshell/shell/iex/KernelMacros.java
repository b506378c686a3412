package procshell.shell.iex;

import procshell.shell.elixir.ElixirExports;

/**
 * The error of {@code apply/3} for a macro of Elixir 1.14's {@code Kernel} ({@link ElixirExports#isKernelMacro}):
 * compiled here as calls of {@link Kernel} or {@link Ops} like its functions, but on the BEAM no
 * function that {@code apply/3} reaches. {@code apply(Kernel, :is_nil, [nil])}
 * raises UndefinedFunctionError: "function Kernel.is_nil/1 is undefined or private. However there
 * is a macro with the same name and arity. Be sure to require Kernel if you intend to invoke this
 * macro".
 */
final class KernelMacros {
    private KernelMacros() {}

    /**
     * The error of {@code apply(Kernel, name, args)} for such a macro, as Elixir's: its message
     * ({@code Exception.message/1}) says the function is undefined, the printed error adds the
     * macro ({@code Exception.blame/3}), and the stack line is the call.
     */
    static UndefinedFunctionError applied(String name, Object[] args) {
        java.util.StringJoiner call = new java.util.StringJoiner(", ", "(elixir 1.14.0) Kernel." + name + "(", ")");
        for (Object a : args) call.add(Kernel.inspect(a));
        return new UndefinedFunctionError("function Kernel." + name + "/" + args.length + " is undefined or private",
                ". However there is a macro with the same name and arity. Be sure to require Kernel if you intend to invoke this macro",
                java.util.List.of(call.toString()));
    }
}
