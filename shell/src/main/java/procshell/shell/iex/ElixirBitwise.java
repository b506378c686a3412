package procshell.shell.iex;

/**
 * Elixir's {@code Bitwise}: the bitwise functions on integers ({@code band/2}, {@code bor/2},
 * {@code bxor/2}, {@code bnot/1}, {@code bsl/2}, {@code bsr/2}) and, after {@code import
 * Bitwise}, their operators {@code &&&}, {@code |||}, {@code ^^^}, {@code ~~~}, {@code <<<},
 * {@code >>>} (each operator is the function of the same meaning: {@code 12 &&& 10} is
 * {@code band(12, 10)}). Integers of any size; anything else raises ArithmeticError as the
 * BEAM's {@code :erlang.band/2} does.
 */
@Doc("""
    Bitwise operations on integers: band/2, bor/2, bxor/2, bnot/1, bsl/2, bsr/2,
    and after `import Bitwise` the operators &&&, |||, ^^^, ~~~, <<<, >>>.
    """)
@ElixirName("Bitwise")
public final class ElixirBitwise {
    private ElixirBitwise() {}

    /**
     * As {@code Bitwise.band/2} and {@code &&&}: the bitwise and.
     *
     * <pre>{@code
     * Bitwise.band(12, 10)   # 8
     * }</pre>
     *
     * @throws ArithmeticError when an argument is no integer
     */
    @Doc("Calculates the bitwise AND of its arguments: band(9, 3) is 1.")
    public static Number band(Object left, Object right) {
        integers("band", left, right);
        return Erlang.band(left, right);
    }

    /** As {@code Bitwise.bor/2} and {@code |||}: the bitwise or ({@code bor(9, 3)} is 11). */
    @Doc("Calculates the bitwise OR of its arguments: bor(9, 3) is 11.")
    public static Number bor(Object left, Object right) {
        integers("bor", left, right);
        return Erlang.bor(left, right);
    }

    /** As {@code Bitwise.bxor/2} and {@code ^^^}: the bitwise exclusive or ({@code bxor(9, 3)} is 10). */
    @Doc("Calculates the bitwise XOR of its arguments: bxor(9, 3) is 10.")
    public static Number bxor(Object left, Object right) {
        integers("bxor", left, right);
        return Erlang.bxor(left, right);
    }

    /** As {@code Bitwise.bnot/1} and {@code ~~~}: the bitwise not ({@code bnot(2)} is -3). */
    @Doc("Calculates the bitwise NOT of the argument: bnot(2) is -3.")
    public static Number bnot(Object expr) {
        integers("bnot", expr);
        return Erlang.bnot(expr);
    }

    /** As {@code Bitwise.bsl/2} and {@code <<<}: shifted left ({@code bsl(1, 2)} is 4; a negative shift goes right). */
    @Doc("Calculates the result of an arithmetic left bitshift: bsl(1, 2) is 4.")
    public static Number bsl(Object left, Object right) {
        integers("bsl", left, right);
        return Erlang.bsl(left, right);
    }

    /** As {@code Bitwise.bsr/2} and {@code >>>}: shifted right, keeping the sign ({@code bsr(-4, 1)} is -2). */
    @Doc("Calculates the result of an arithmetic right bitshift: bsr(1, 2) is 0.")
    public static Number bsr(Object left, Object right) {
        integers("bsr", left, right);
        return Erlang.bsr(left, right);
    }

    /** Raises iex's ArithmeticError, naming {@code Bitwise.fun(args)}, when an argument is no integer. */
    private static void integers(String fun, Object... args) {
        for (Object a : args) {
            if (!ErlangArgs.isInt(procshell.shell.eval.Values.normalize(a))) throw ArithmeticError.inlined("Bitwise." + fun, fun, args);
        }
    }
}
