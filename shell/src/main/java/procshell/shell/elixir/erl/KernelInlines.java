package procshell.shell.elixir.erl;

import java.util.Map;
import java.util.Set;

/**
 * Which of Kernel's functions Elixir's compiler turns into calls of {@code :erlang} (Elixir 1.14's
 * {@code elixir_rewrite} inlines), which operators become Erlang operators ({@code {:op, ...}}),
 * and which Kernel functions stay remote calls of {@code Elixir.Kernel}. Both directions of the
 * translation read them, so a fn that goes out and comes back means what it meant.
 */
final class KernelInlines {
    private KernelInlines() {}

    /** Kernel's functions that are {@code :erlang}'s under the same name, by name/arity. */
    private static final Set<String> SAME_NAME = Set.of("abs/1", "apply/2", "apply/3", "binary_part/3", "bit_size/1", "byte_size/1",
            "ceil/1", "exit/1", "floor/1", "hd/1", "is_atom/1", "is_binary/1", "is_bitstring/1", "is_boolean/1", "is_float/1",
            "is_function/1", "is_function/2", "is_integer/1", "is_list/1", "is_map/1", "is_map_key/2", "is_number/1", "is_pid/1",
            "is_port/1", "is_reference/1", "is_tuple/1", "length/1", "make_ref/0", "map_size/1", "max/2", "min/2", "node/0",
            "node/1", "round/1", "self/0", "send/2", "spawn/1", "spawn/3", "spawn_link/1", "spawn_link/3", "spawn_monitor/1",
            "spawn_monitor/3", "throw/1", "tl/1", "trunc/1", "tuple_size/1");

    /** Kernel's inlined functions whose {@code :erlang} name differs. */
    private static final Map<String, String> RENAMED = Map.of("function_exported?/3", "function_exported");

    /** Kernel's functions that are called as {@code Elixir.Kernel}'s. */
    private static final Set<String> KERNEL = Set.of("inspect/1", "inspect/2", "get_in/2", "put_in/3", "update_in/3",
            "get_and_update_in/3", "pop_in/2", "struct/1", "struct/2", "struct!/1", "struct!/2");

    /** Elixir's binary operators and the Erlang operators they compile to. */
    static final Map<String, String> BINARY_OPS = Map.ofEntries(Map.entry("+", "+"), Map.entry("-", "-"), Map.entry("*", "*"),
            Map.entry("/", "/"), Map.entry("==", "=="), Map.entry("!=", "/="), Map.entry("===", "=:="), Map.entry("!==", "=/="),
            Map.entry("<", "<"), Map.entry(">", ">"), Map.entry("<=", "=<"), Map.entry(">=", ">="), Map.entry("++", "++"),
            Map.entry("--", "--"), Map.entry("and", "andalso"), Map.entry("or", "orelse"), Map.entry("div", "div"),
            Map.entry("rem", "rem"));

    /** The {@code :erlang} function a local Kernel call {@code name/arity} is inlined to, or null. */
    static String erlang(String name, int arity) {
        String key = name + "/" + arity;
        if (SAME_NAME.contains(key)) return name;
        return RENAMED.get(key);
    }

    /** True when {@code name/arity} is a Kernel function that stays a call of {@code Elixir.Kernel}. */
    static boolean kernel(String name, int arity) {
        return KERNEL.contains(name + "/" + arity);
    }

    /** The Elixir operator for an Erlang binary operator, or null ({@code band}, ...). */
    static String elixirOp(String erlangOp) {
        for (Map.Entry<String, String> e : BINARY_OPS.entrySet()) {
            if (e.getValue().equals(erlangOp)) return e.getKey();
        }
        return null;
    }
}
