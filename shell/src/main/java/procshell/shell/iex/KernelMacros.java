package procshell.shell.iex;

import java.util.Set;

/**
 * The macros of Elixir 1.14's {@code Kernel} ({@code Kernel.__info__(:macros)}), by
 * {@code name/arity}: compiled here as calls of {@link Kernel} or {@link Ops} like its functions,
 * but on the BEAM no function that {@code apply/3} reaches. {@code apply(Kernel, :is_nil, [nil])}
 * raises UndefinedFunctionError: "function Kernel.is_nil/1 is undefined or private. However there
 * is a macro with the same name and arity. Be sure to require Kernel if you intend to invoke this
 * macro".
 */
public final class KernelMacros {
    private static final Set<String> MACROS = Set.of(
            "!/1", "&&/2", "../0", "../2", "..///3", "<>/2", "@/1", "alias!/1", "and/2", "binding/0", "binding/1",
            "dbg/0", "dbg/1", "dbg/2", "def/1", "def/2", "defdelegate/2", "defexception/1", "defguard/1", "defguardp/1",
            "defimpl/2", "defimpl/3", "defmacro/1", "defmacro/2", "defmacrop/1", "defmacrop/2", "defmodule/2",
            "defoverridable/1", "defp/1", "defp/2", "defprotocol/2", "defstruct/1", "destructure/2",
            "get_and_update_in/2", "if/2", "in/2", "is_exception/1", "is_exception/2", "is_nil/1", "is_struct/1",
            "is_struct/2", "match?/2", "or/2", "pop_in/1", "put_in/2", "raise/1", "raise/2", "reraise/2", "reraise/3",
            "sigil_C/2", "sigil_D/2", "sigil_N/2", "sigil_R/2", "sigil_S/2", "sigil_T/2", "sigil_U/2", "sigil_W/2",
            "sigil_c/2", "sigil_r/2", "sigil_s/2", "sigil_w/2", "tap/2", "then/2", "to_char_list/1", "to_charlist/1",
            "to_string/1", "unless/2", "update_in/2", "use/1", "use/2", "var!/1", "var!/2", "|>/2", "||/2");

    private KernelMacros() {}

    /** True when {@code Kernel.name/arity} is a macro in Elixir 1.14. */
    public static boolean contains(String name, int arity) {
        return MACROS.contains(name + "/" + arity);
    }

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
