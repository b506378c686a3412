package procshell.shell.iex;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The float texts of {@code :erlang.float_to_binary/1,2} and {@code float_to_list/1,2} and the
 * parsing of {@code binary_to_float/1}, as OTP 25 writes and reads them. Digits come from the
 * float's exact binary value: {@code scientific} rounds it half to even (as C's printf),
 * {@code decimals} half away from zero (as the BEAM's own formatter), {@code short} gives the
 * fewest digits that read back to the same float.
 */
final class ErlangFloats {
    private ErlangFloats() {}

    /** {@code %.Ne}: one digit, a point, n digits, {@code e+XX} ({@code 2.50000000000000000000e+00} for n = 20). */
    static String scientific(double d, int n) {
        if (d == 0) return (1 / d < 0 ? "-" : "") + "0" + (n > 0 ? "." + "0".repeat(n) : "") + "e+00";
        BigDecimal r = new BigDecimal(d).round(new MathContext(n + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().abs().toString();
        while (digits.length() < n + 1) digits += "0";
        int exp = r.precision() - r.scale() - 1;
        String mantissa = digits.charAt(0) + (n > 0 ? "." + digits.substring(1, n + 1) : "");
        String e = String.valueOf(Math.abs(exp));
        return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    /** Fixed notation with n decimals, halves rounded away from zero; {@code compact} drops trailing zeros. */
    static String decimals(double d, int n, boolean compact) {
        BigDecimal r = new BigDecimal(d).setScale(n, RoundingMode.HALF_UP);
        String s = r.abs().toPlainString();
        if (compact && s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) s += "0";
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return (negative ? "-" : "") + s;
    }

    /** The shortest text that reads back as d, in decimal or scientific notation, whichever is shorter. */
    static String shortest(double d) {
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d)));
        String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : "";
        if (d == 0) return sign + "0.0";
        BigDecimal stripped = exact.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int exp = stripped.precision() - stripped.scale() - 1;
        String sci = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0") + "e" + exp;
        String plain = stripped.toPlainString();
        if (!plain.contains(".")) plain += ".0";
        return sign + (sci.length() < plain.length() ? sci : plain);
    }

    /**
     * The text for float_to_binary/2's options ({@code decimals: 0..253}, {@code scientific:
     * 0..249}, {@code :compact}, {@code :short}; the last of decimals and scientific wins).
     *
     * @return the text, or null for an invalid option
     */
    static String format(double d, List<?> options) {
        String mode = "scientific";
        int n = 20;
        boolean compact = false;
        for (Object o : options) {
            if (o instanceof Atom a && a.name().equals("compact")) {
                compact = true;
            } else if (o instanceof Atom a && a.name().equals("short")) {
                mode = "short";
            } else if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom k && t.get(1) instanceof Integer v) {
                if (k.name().equals("decimals") && v >= 0 && v <= 253) {
                    mode = "decimals";
                    n = v;
                } else if (k.name().equals("scientific") && v >= 0 && v <= 249) {
                    mode = "scientific";
                    n = v;
                } else {
                    return null;
                }
            } else {
                return null;
            }
        }
        return switch (mode) {
            case "short" -> shortest(d);
            case "decimals" -> decimals(d, n, compact);
            default -> scientific(d, n);
        };
    }

    /** The float of an Erlang float text ({@code 2.5}, {@code -1.0e3}, {@code 2.5E-3}), or null. */
    static Double parse(String s) {
        if (!s.matches("[+-]?[0-9]+\\.[0-9]+([eE][+-]?[0-9]+)?")) return null;
        double d = Double.parseDouble(s);
        return Double.isInfinite(d) ? null : d;
    }
}
