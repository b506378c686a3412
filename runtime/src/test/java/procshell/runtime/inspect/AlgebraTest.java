package procshell.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static procshell.runtime.inspect.Algebra.INFINITY;
import static procshell.runtime.inspect.Algebra.breakDoc;
import static procshell.runtime.inspect.Algebra.collapseLines;
import static procshell.runtime.inspect.Algebra.concat;
import static procshell.runtime.inspect.Algebra.containerDoc;
import static procshell.runtime.inspect.Algebra.empty;
import static procshell.runtime.inspect.Algebra.flexGlue;
import static procshell.runtime.inspect.Algebra.foldDoc;
import static procshell.runtime.inspect.Algebra.forceUnfit;
import static procshell.runtime.inspect.Algebra.format;
import static procshell.runtime.inspect.Algebra.glue;
import static procshell.runtime.inspect.Algebra.group;
import static procshell.runtime.inspect.Algebra.line;
import static procshell.runtime.inspect.Algebra.nest;
import static procshell.runtime.inspect.Algebra.nextBreakFits;
import static procshell.runtime.inspect.Algebra.noLimit;
import static procshell.runtime.inspect.Algebra.space;
import static procshell.runtime.inspect.Algebra.string;
import static procshell.runtime.inspect.Algebra.text;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The document algebra against Elixir 1.14. Every expected string was produced by running the
 * same document through {@code Inspect.Algebra.format/2} in Elixir 1.14.0 on OTP 25.
 */
class AlgebraTest {
    private static Doc t(String s) {
        return text(s);
    }

    private static final BiFunction<Object, InspectOptions, Doc> TO_STRING = (o, opts) -> t(o.toString());

    @Test
    void glueBreaksOnlyWhenTheGroupDoesNotFit() {
        Doc doc = group(glue(t("hello"), t("world")));
        assertEquals("hello world", format(doc, 30));
        assertEquals("hello\nworld", format(doc, 10));
    }

    @Test
    void innerGroupStaysFlatWhenItFits() {
        Doc doc = group(concat(group(concat(t("Hello,"), concat(breakDoc(), t("A")))), concat(breakDoc(), t("B"))));
        assertEquals("Hello, A B", format(doc, 80));
        assertEquals("Hello,\nA\nB", format(doc, 6));
    }

    @Test
    void nestIndentsBreaks() {
        assertEquals("hello\n     world", format(group(nest(glue(t("hello"), t("world")), 5)), 5));
    }

    @Test
    void nestAtCursorAndReset() {
        assertEquals("abc x\n    y", format(group(concat(t("abc "), nest(glue(t("x"), t("y")), Algebra.CURSOR))), 3));
        assertEquals("abcx\ny", format(group(nest(concat(t("abc"), nest(glue(t("x"), t("y")), Algebra.RESET)), 4)), 3));
    }

    @Test
    void nestInBreakModeOnlyAppliesToBrokenGroups() {
        Doc doc = group(nest(glue(t("aaaa"), t("bbbb")), 2, false));
        assertEquals("aaaa bbbb", format(doc, 80));
        assertEquals("aaaa\n  bbbb", format(doc, 5));
        assertEquals("aaaa\nbbbb", format(nest(line(t("aaaa"), t("bbbb")), 2, false), 5));
    }

    @Test
    void flexBreaksFillLinesWhileStrictBreaksAllBreak() {
        List<Doc> items = IntStream.rangeClosed(1, 12).mapToObj(i -> t(Integer.toString(i))).toList();
        Doc flex = group(concat(t("["), concat(nest(foldDoc(items, (a, b) -> flexGlue(concat(a, t(",")), b)), 1), t("]"))));
        assertEquals("[1, 2, 3, 4,\n 5, 6, 7, 8,\n 9, 10, 11,\n 12]", format(flex, 12));
        Doc strict = group(concat(t("["), concat(nest(foldDoc(items, (a, b) -> glue(concat(a, t(",")), b)), 1), t("]"))));
        assertEquals("[1,\n 2,\n 3,\n 4,\n 5,\n 6,\n 7,\n 8,\n 9,\n 10,\n 11,\n 12]", format(strict, 12));
    }

    @Test
    void textCountsBytesAndStringCountsGraphemes() {
        assertEquals("olá\nmundo", format(group(glue(t("olá"), " ", t("mundo"))), 9));
        assertEquals("olá mundo", format(group(glue(string("olá"), " ", t("mundo"))), 9));
    }

    @Test
    void mandatoryLineAndForceUnfit() {
        assertEquals("a\nb c", format(group(concat(t("a"), line(), t("b"), breakDoc(), t("c"))), 80));
        assertEquals("a\nb", format(group(concat(forceUnfit(t("a")), concat(breakDoc(), t("b")))), 80));
    }

    @Test
    void nextBreakFitsKeepsTheArgumentOnTheCallLine() {
        Doc map = group(concat(t("%{"), nest(concat(breakDoc(""), glue(t("key: value,"), t("other: value"))), 2),
                breakDoc(""), t("}")));
        Function<Doc, Doc> call = arg -> group(concat(t("fun("), nest(concat(breakDoc(""), arg), 2), breakDoc(""), t(")")));
        assertEquals("fun(\n  %{\n    key: value,\n    other: value\n  }\n)", format(call.apply(map), 20));
        assertEquals("fun(%{\n    key: value,\n    other: value\n  })", format(call.apply(nextBreakFits(map, true)), 20));
        assertEquals("fun(\n  %{\n    key: value,\n    other: value\n  }\n)", format(call.apply(nextBreakFits(map, false)), 20));
    }

    @Test
    void inheritingGroupBreaksWithItsParent() {
        Doc inner = concat(t("a"), concat(breakDoc(), t("b")));
        assertEquals("a\nb\ncccccccccc", format(group(concat(group(inner, true), breakDoc(), t("cccccccccc"))), 5));
        assertEquals("a b\ncccccccccc", format(group(concat(group(inner, false), breakDoc(), t("cccccccccc"))), 5));
    }

    @Test
    void noLimitLaysOutOnOneLine() {
        assertEquals("aaaa bbbb\nc", format(group(concat(noLimit(group(glue(t("aaaa"), t("bbbb")))), breakDoc(), t("c"))), 5));
    }

    @Test
    void collapseLinesFoldsFollowingNewlines() {
        assertEquals("a\n\nb", format(concat(t("a"), collapseLines(2), line(), line(), line(), t("b")), 80));
        assertEquals("a\n  b", format(nest(concat(t("a"), collapseLines(1), line(), line(), t("b")), 2), 80));
    }

    @Test
    void containerDocLimitsAndSeparators() {
        List<Integer> five = List.of(1, 2, 3, 4, 5);
        InspectOptions all = InspectOptions.DEFAULT.withLimit(INFINITY);
        InspectOptions three = InspectOptions.DEFAULT.withLimit(3);
        assertEquals("[1,\n 2,\n 3,\n 4,\n 5]", format(containerDoc(t("["), five, t("]"), all, TO_STRING), 5));
        assertEquals("[1, 2, 3, ...]", format(containerDoc(t("["), five, t("]"), three, TO_STRING), 20));
        assertEquals("[1! 2! 3! ...]", format(containerDoc(t("["), five, t("]"), three, TO_STRING, t("!"),
                Algebra.BreakMode.MAYBE), 20));
        assertEquals("[]", format(containerDoc(t("["), List.of(), t("]"), InspectOptions.DEFAULT, TO_STRING), 10));
        // An element rendered as nothing is skipped and does not count towards the limit.
        assertEquals("[1, 3]", format(containerDoc(t("["), List.of(1, 2, 3), t("]"), InspectOptions.DEFAULT,
                (o, opts) -> o.equals(2) ? empty() : t(o.toString())), 10));
    }

    @Test
    void containerDocBreakModes() {
        List<Integer> eight = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        InspectOptions all = InspectOptions.DEFAULT.withLimit(INFINITY);
        assertEquals("[\n  1,\n  2,\n  3,\n  4,\n  5,\n  6,\n  7,\n  8\n]",
                format(containerDoc(t("["), eight, t("]"), all, TO_STRING, t(","), Algebra.BreakMode.STRICT), 10));
        BiFunction<Object, InspectOptions, Doc> grouped = (o, opts) -> group(glue(t("x"), t(o.toString())));
        assertEquals("{x 1, x 2,\n x 3, x 4,\n x 5, x 6,\n x 7, x 8}",
                format(containerDoc(t("{"), eight, t("}"), all, grouped, t(","), Algebra.BreakMode.FLEX), 10));
        // Elements that are not plain text make MAYBE strict.
        assertEquals("{\n  x 1,\n  x 2,\n  x 3,\n  x 4,\n  x 5,\n  x 6,\n  x 7,\n  x 8\n}",
                format(containerDoc(t("{"), eight, t("}"), all, grouped), 10));
    }

    @Test
    void zeroAndInfiniteWidth() {
        assertEquals("a\nb", format(group(glue(t("a"), t("b"))), 0));
        String longA = "a".repeat(100);
        assertEquals(longA + " b", format(group(glue(t(longA), t("b"))), INFINITY));
        assertThrows(IllegalArgumentException.class, () -> format(empty(), -1));
    }

    @Test
    void spaceLineAndColor() {
        assertEquals("Hughes Wadler", format(space(t("Hughes"), t("Wadler")), 5));
        assertEquals("Hughes\nWadler", format(line(t("Hughes"), t("Wadler")), 80));
        InspectOptions opts = InspectOptions.DEFAULT.withSyntaxColors(
                SyntaxColors.none().with(SyntaxColors.Key.NUMBER, SyntaxColors.YELLOW));
        assertEquals("\u001b[33m1\u001b[0m", format(Algebra.color(t("1"), SyntaxColors.Key.NUMBER, opts), 80));
        assertEquals("x", format(Algebra.color(t("x"), SyntaxColors.Key.ATOM, opts), 80));
    }
}
