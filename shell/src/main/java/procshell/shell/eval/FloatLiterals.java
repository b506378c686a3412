package procshell.shell.eval;

/**
 * Elixir's float literals in Groovy. Groovy reads {@code 1.5} and {@code 1.0e10} as BigDecimals,
 * whose arithmetic is decimal ({@code 0.1 + 0.2} is {@code 0.3}) and whose text is Java's
 * ({@code 1.0E+10}); an Elixir float is an IEEE double ({@code 0.30000000000000004}). The
 * translator gives every such literal Groovy's {@code d} suffix, so that typed code and classes
 * compute with doubles as the BEAM does. Hex and binary literals and literals that already carry
 * a type suffix ({@code 1.5G}, {@code 2L}) are Groovy's own and stay as typed.
 */
final class FloatLiterals {
    private FloatLiterals() {}

    /** The Groovy text of a number literal as typed: {@code 1.5} becomes {@code 1.5d}. */
    static String toGroovy(String literal) {
        String lower = literal.toLowerCase(java.util.Locale.ROOT);
        boolean radix = lower.startsWith("0x") || lower.startsWith("0b");
        boolean suffixed = !Character.isDigit(literal.charAt(literal.length() - 1));
        boolean decimal = lower.indexOf('.') >= 0 || lower.indexOf('e') >= 0;
        return !radix && !suffixed && decimal ? literal + "d" : literal;
    }
}
