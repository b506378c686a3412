package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How the translator hands Elixir's numbers and strict comparisons to Groovy: decimal literals
 * become doubles ({@code 1.5d}; Groovy would read a BigDecimal), {@code ===} and {@code !==}
 * become calls that compare terms (Groovy's compare references).
 */
class NumberSyntaxTest {
    private static void translates(String input, String expected) {
        assertEquals(expected, IexSyntax.translate(input), () -> "translating: " + input);
    }

    @Test
    void decimalLiteralsAreDoubles() {
        translates("0.1 + 0.2", "0.1d + 0.2d");
        translates("x = -1.0e-5", "x = -1.0e-5d");
        translates("{:ok, 2.5}", "_tuple_(_atom_(\"ok\"), 2.5d)");
    }

    @Test
    void integerAndSuffixedLiteralsStay() {
        translates("1_000_000 * 3", "1_000_000 * 3");
        translates("0xFF + 0b101", "0xFF + 0b101");
        translates("1.5G + 2L + 1.5f", "1.5G + 2L + 1.5f");
        translates("1..10", "1..10");
    }

    @Test
    void strictComparisonsCompareTerms() {
        translates("1 === 1.0", "procshell.shell.eval.Values.strictlyEqual(1, 1.0d)");
        translates("y = a + 1 !== b * 2", "y = !procshell.shell.eval.Values.strictlyEqual(a + 1, b * 2)");
        translates("f(a === {1, 2}, b)", "f(procshell.shell.eval.Values.strictlyEqual(a, _tuple_(1, 2)), b)");
        translates("ok && x === 1000", "ok && procshell.shell.eval.Values.strictlyEqual(x, 1000)");
        translates("if (m.size() === 0) { }", "if (procshell.shell.eval.Values.strictlyEqual(m.size(), 0)) { }");
    }

    @Test
    void strictEqualityIsElixirs() {
        assertEquals(false, Values.strictlyEqual(1, 1.0));
        assertEquals(true, Values.strictlyEqual(1000, 1000L));
        assertEquals(true, Values.strictlyEqual(new java.math.BigInteger("1000"), 1000));
        assertEquals(false, Values.strictlyEqual(java.util.List.of(1), java.util.List.of(1.0)));
        assertEquals(true, Values.strictlyEqual(0.5, 0.5));
    }

    @Test
    void unaryMinusBindsTighterThanPower() {
        translates("-2 ** 2", "(-2) ** 2");
        translates("y = -x ** 0.5", "y = (-x) ** 0.5d");
        translates("a - 2 ** 2", "a - 2 ** 2");
        translates("f(1) - x ** 2", "f(1) - x ** 2");
        translates("-2 * 3", "-2 * 3");
    }
}
