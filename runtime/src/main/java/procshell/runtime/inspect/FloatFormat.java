package procshell.runtime.inspect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float text as Elixir 1.14's {@code Inspect.Float} on OTP 25: integral values from 1.0 up to
 * 1.0e16 print as {@code 123.0}; everything else as {@code :io_lib_format.fwrite_g/1}, the
 * shortest digits that read back as the same float, in plain or scientific notation, whichever is
 * shorter (plain on a tie), and always scientific from 2^53 up ({@code 1.0e16},
 * {@code 0.30000000000000004}, {@code 1.0e-5}, {@code 0.0001}).
 */
final class FloatFormat {
    private static final double TWO_POW_53 = 9007199254740992.0;

    private FloatFormat() {
    }

    /** The text of {@code value}, e.g. {@code "1.0"}, {@code "1.0e20"}, {@code "-0.0"}. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            // Not BEAM floats; Java's text is the least surprising rendering.
            return Double.toString(value);
        }
        double abs = Math.abs(value);
        if (abs >= 1.0 && abs < 1.0e16 && value == Math.rint(value)) {
            return new BigDecimal(value).toBigInteger().toString() + ".0";
        }
        return fwriteG(value);
    }

    /**
     * {@code io_lib_format:fwrite_g/1}, what {@code Float.to_string/1} and string interpolation
     * give: always the shortest form, so {@code 1.0e10} where inspect prints {@code 10000000000.0}.
     */
    static String fwriteG(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0.0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDigits(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        // OTP's Place: the decimal point sits after this many digits (negative: zeros before them).
        int place = digits.length() - shortest.scale();
        String text = insertDecimal(place, digits, Math.abs(value));
        return value < 0 ? "-" + text : text;
    }

    /**
     * The shortest decimal that reads back as {@code abs} (closest to it among the shortest), as
     * OTP's Ryu gives. Java's {@code Double.toString} (JDK 19+) does the same except that it
     * prefers a closer two-digit decimal over a one-digit one ({@code 4.9E-324} for OTP's
     * {@code 5.0e-324}), so one-digit candidates are tried here.
     */
    private static BigDecimal shortestDigits(double abs) {
        BigDecimal java = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = java.round(new MathContext(1, mode));
            if (candidate.signum() != 0 && Double.parseDouble(candidate.toString()) == abs
                    && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best != null ? best.stripTrailingZeros() : java;
    }

    /** OTP 25's {@code insert_decimal/3}. */
    private static String insertDecimal(int place, String s, double abs) {
        int length = s.length();
        if (place == 0) {
            return "0." + s;
        }
        if (place > 0 && place < length) {
            return s.substring(0, place) + "." + s.substring(place);
        }
        String exp = Integer.toString(place - 1);
        int expCost = exp.length() + 1 + (length == 1 ? 2 : 1);
        if (place < 0) {
            return 2 - place <= expCost ? "0." + "0".repeat(-place) + s : insertExp(exp, s);
        }
        // Integral values of 2^53 and more may not be exact, so they are shown as scientific.
        return place - length + 2 <= expCost && abs < TWO_POW_53
                ? s + "0".repeat(place - length) + ".0"
                : insertExp(exp, s);
    }

    private static String insertExp(String exp, String s) {
        return s.length() == 1 ? s + ".0e" + exp : s.charAt(0) + "." + s.substring(1) + "e" + exp;
    }
}
