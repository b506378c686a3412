package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Numbers and arithmetic typed at the prompt, against iex's ({@code iex-reference/numbers.txt}):
 * {@code /} always gives a float, integers are exact and unbounded, floats print in Elixir's
 * shortest form, {@code ===} tells integers from floats, and bad operands raise iex's
 * ArithmeticError or ArgumentError while the bindings stay.
 */
@Timeout(30)
class NumbersSessionTest {
    /** Each input typed as iex's was, in the reference's order. */
    private static IexSessionCheck typed(String... inputs) {
        IexSessionCheck check = IexSessionCheck.against("numbers.txt");
        for (String input : inputs) check.same(input);
        return check;
    }

    @Test
    void divisionGivesAFloat() {
        typed("4/2", "7/2", "1/3", "10 / 4", "-7 / 2", "is_float(4/2)").check();
    }

    @Test
    void divisionByZeroAndByAnAtom() {
        typed("1/0", "1/:a", "div(7, 2)").check();
    }

    @Test
    void integerDivisionAndRemainder() {
        typed("div(7, 2)", "div(-7, 2)", "rem(-7, 2)", "rem(7, -2)", "div(7, 0)", "rem(7.0, 2)", "0.1 + 0.2").check();
    }

    @Test
    void floatsPrintInTheirShortestForm() {
        typed("0.1 + 0.2", "0.1 * 3", "1.5", "1.0e10", "1.0e-5", "100.0", "2.0e20", "-0.0", "1.0e16",
                "123456789.123").check();
    }

    @Test
    void integersAreExactAndUnbounded() {
        typed("2 * 1_000_000_000_000", "1000000 * 1000000 * 1000000", "2147483647 + 1", "9223372036854775807 + 1",
                "-9223372036854775808 - 1", "12345678901234567890 * 10", "2 ** 10", "2 ** 64").check();
    }

    @Test
    void mixedIntegersAndFloats() {
        typed("1 + 1.0", "10 - 2.5", "3 * 1.5", "1.5 * 2", "2 ** 10", "2 ** 64", "2.0 ** 3", "4 ** 0.5").check();
    }

    @Test
    void equalityAndStrictEquality() {
        typed("1 == 1.0", "1 === 1.0", "1 !== 1.0", "x = 1000", "x === 1000", "{1, :a} === {1.0, :a}").check();
    }

    @Test
    void equalityLooksIntoTuplesListsAndMapValues() {
        typed("{1, :a} == {1.0, :a}", "{1, :a} != {1.0, :a}", "[1, 2] == [1.0, 2]", "%{a: 1} == %{a: 1.0}",
                "%{1 => :a} == %{1.0 => :a}").check();
    }

    @Test
    void aPatternsNumberMatchesStrictly() {
        typed("{:ok, 1} = {:ok, 1.0}", "{:ok, y} = {:ok, 1.0}", "y").check();
    }

    @Test
    void badOperandsRaiseAndTheBindingsStay() {
        IexSessionCheck.against("numbers.txt")
                .same("x = 1000")
                .same("1 + :a")
                .same(":a * 2")
                .same("1 + \"x\"")
                .same("-:a")
                .same("round(:a)")
                .same("Integer.to_string(1.5)")
                .same("x")
                .check();
    }

    @Test
    void roundTruncAbs() {
        typed("round(2.5)", "round(-2.5)", "trunc(-2.7)", "trunc(1.0e20)", "abs(-3)", "abs(-2.5)").check();
    }

    @Test
    void floatAndIntegerModules() {
        typed("Float.round(3.14159, 2)", "Float.round(2.675, 2)", "Float.ceil(-0.5)", "Float.floor(-1.5)",
                "Float.to_string(1.0e10)", "Integer.to_string(42)", "Integer.to_string(255, 16)",
                "Integer.parse(\"12abc\")", "Integer.mod(-7, 2)", "Integer.floor_div(-7, 2)",
                "\"#{1.0e10} and #{0.1 + 0.2}\"").check();
    }

    @Test
    void theMathModule() {
        typed(":math.sqrt(2)", ":math.sqrt(-1)", ":math.sqrt(:a)", ":math.pow(2, 10)", ":math.log(0)", ":math.log2(8)",
                ":math.pi()", ":math.pow(10, 400)").check();
    }

    @Test
    void maxMinAndSums() {
        typed("max(1, 2.0)", "min(1, 1.0)", "Enum.sum([2147483647, 1])", "Enum.sum([1, 2.5])").check();
    }

    @Test
    void stringsToNumbers() {
        typed("String.to_integer(\"-42\")", "String.to_integer(\"12abc\")", "String.to_integer(\"ff\", 16)",
                "String.to_integer(\"1\", 37)", "String.to_float(\"1.5\")", "String.to_float(\"1\")").check();
    }

    @Test
    void noInfinitiesOnTheBeam() {
        typed("1.0e308 * 10", "10 * 1.0e308", "1.0e308 + 1.0e308", "-1.0e308 - 1.0e308", "2.0 ** 2000", "(-8) ** 0.5")
                .check();
    }

    @Test
    void informationAboutANumber() {
        IexSessionCheck.against("help.txt").same("i(1)").check();
    }

    @Test
    void unaryMinusBindsTighterThanPower() {
        IexSessionCheck.against("numbers.txt")
                .same("x = 1000")
                .same("-2 ** 2")
                .same("-x ** 2")
                .check();
    }
}
