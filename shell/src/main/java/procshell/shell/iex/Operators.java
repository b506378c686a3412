package procshell.shell.iex;

/**
 * Elixir's operators that {@link Ops} implements, by the name of their {@code Ops} method: what
 * the compiler calls for {@code a + b}, and what {@code apply(Kernel, :+, [a, b])} calls, as on the
 * BEAM, where {@code Kernel.+/2} is a function. Some are macros of {@code Kernel} instead
 * ({@code <>}, {@code ..}, {@code in}, {@code !}): compiled as calls all the same, but not
 * functions that {@code apply/3} reaches ({@link KernelMacros}).
 */
public final class Operators {
    private Operators() {}

    /**
     * The {@code Ops} method of a unary operator ({@code -x} is {@code neg}), or null when the name
     * is none.
     */
    public static String unary(String name) {
        return switch (name) {
            case "-" -> "neg";
            case "+" -> "plus";
            case "not" -> "not";
            case "!" -> "bang";
            default -> null;
        };
    }

    /**
     * The {@code Ops} method of a binary operator that evaluates both operands ({@code +} is
     * {@code add}), or null when the name is none (the short-circuit ones, {@code and},
     * {@code or}, {@code &&}, {@code ||}, are not).
     */
    public static String binary(String name) {
        return switch (name) {
            case "+" -> "add";
            case "-" -> "sub";
            case "*" -> "mul";
            case "/" -> "divide";
            case "**" -> "pow";
            case "==" -> "eq";
            case "!=" -> "neq";
            case "===" -> "strictEq";
            case "!==" -> "strictNeq";
            case "<" -> "lt";
            case ">" -> "gt";
            case "<=" -> "le";
            case ">=" -> "ge";
            case "<>" -> "concat";
            case "++" -> "append";
            case "--" -> "subtract";
            case ".." -> "range";
            case "in" -> "in";
            default -> null;
        };
    }
}
