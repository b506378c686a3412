package procshell.shell.elixir.compiler;

import java.math.BigInteger;

/** Groovy source text for literal values. */
final class Groovy {
    private Groovy() {}

    /** A single-quoted Groovy string literal (a java.lang.String, no interpolation). */
    static String string(String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 32 || c == 127) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append("'").toString();
    }

    /** An integer literal of the Java type the contract gives it (Integer, Long, BigInteger). */
    static String integer(Number n) {
        if (n instanceof Integer) return n.toString();
        if (n instanceof Long l) return l == l.intValue() ? Long.toString(l) : l + "L";
        BigInteger b = n instanceof BigInteger x ? x : BigInteger.valueOf(n.longValue());
        if (b.bitLength() < 32) return b.toString();
        if (b.bitLength() < 64) return b + "L";
        return b + "G";
    }

    /** A float literal (a Double). */
    static String floating(double d) {
        return "((Object) " + Double.toString(d) + "d)";
    }

    /** True for an expression that may be evaluated again or later without effect: a name or literal. */
    static boolean isTrivial(String expr) {
        return expr.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?|-?[0-9]+[LG]?|null|true|false|'([^'\\\\]|\\\\.)*'");
    }
}
