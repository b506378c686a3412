package procshell.shell.elixir.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The reader against what Elixir 1.14 answers: each expected text is what
 * {@code inspect(Code.string_to_quoted!(source))} printed (metadata emptied), and each error what
 * {@code Code.string_to_quoted!(source, file: "iex")} raised.
 */
class ElixirReaderTest {

    /** Reads {@code source} and prints it as Elixir's inspect would, with every node's metadata emptied. */
    private static String read(String source) {
        return Inspect.inspect(withoutMeta(ElixirReader.read(source, "iex")));
    }

    private static Object withoutMeta(Object term) {
        if (term instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(withoutMeta(e)));
            return out;
        }
        if (term instanceof Tuple t) {
            if (t.size() == 3 && t.get(1) instanceof List) {
                return Tuple.of(withoutMeta(t.get(0)), List.of(), withoutMeta(t.get(2)));
            }
            Object[] items = new Object[t.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = withoutMeta(t.get(i));
            }
            return Tuple.of(items);
        }
        return term;
    }

    private static void reads(String source, String expected) {
        assertEquals(expected, read(source), source);
    }

    private static void fails(String source, String kind, String message) {
        ElixirSyntaxError e = assertThrows(ElixirSyntaxError.class, () -> ElixirReader.read(source, "iex"), source);
        assertEquals(kind + ": " + message, e.kind() + ": " + e.getMessage(), source);
    }

    @Test
    void literals() {
        reads(":ok", ":ok");
        reads(":\"quoted #{x}\"", "{{:., [], [:erlang, :binary_to_atom]}, [], [{:<<>>, [], [\"quoted \", "
                + "{:\"::\", [], [{{:., [], [Kernel, :to_string]}, [], [{:x, [], nil}]}, {:binary, [], nil}]}]}, :utf8]}");
        reads("Foo.Bar", "{:__aliases__, [], [:Foo, :Bar]}");
        reads("[a: 1, \"b c\": 2]", "[a: 1, \"b c\": 2]");
        reads("0x1F + 0o17 + 0b1010 + 1_000", "{:+, [], [{:+, [], [{:+, [], [31, 15]}, 10]}, 1000]}");
        reads("1.0e-3", "0.001");
        reads("123456789012345678901234567890", "123456789012345678901234567890");
        reads("?a", "97");
        reads("nil", "nil");
        reads("", "{:__block__, [], []}");
    }

    @Test
    void integersTakeTheSmallestJavaType() {
        assertEquals(Integer.class, ElixirReader.read("2147483647", "iex").getClass());
        assertEquals(Long.class, ElixirReader.read("2147483648", "iex").getClass());
        assertEquals(java.math.BigInteger.class, ElixirReader.read("9223372036854775808", "iex").getClass());
        assertEquals(List.of(Atom.of("Foo")), ((Tuple) ElixirReader.read("Foo", "iex")).get(2));
    }

    @Test
    void stringsCharlistsAndSigils() {
        reads("\"a\\tb #{x} c\"", "{:<<>>, [], [\"a\\tb \", {:\"::\", [], [{{:., [], [Kernel, :to_string]}, [], [{:x, [], nil}]}, "
                + "{:binary, [], nil}]}, \" c\"]}");
        reads("\"\"\"\n  heredoc\n    indented\n  \"\"\"", "\"heredoc\\n  indented\\n\"");
        reads("'abc'", "'abc'");
        reads("'char #{x}'", "{{:., [], [List, :to_charlist]}, [], [[\"char \", {{:., [], [Kernel, :to_string]}, [], [{:x, [], nil}]}]]}");
        reads("~w(a b c)a", "{:sigil_w, [], [{:<<>>, [], [\"a b c\"]}, 'a']}");
        reads("~r/a+b/i", "{:sigil_r, [], [{:<<>>, [], [\"a+b\"]}, 'i']}");
    }

    @Test
    void containers() {
        reads("{1, 2}", "{1, 2}");
        reads("{1, 2, 3}", "{:{}, [], [1, 2, 3]}");
        reads("[h | t]", "[{:|, [], [{:h, [], nil}, {:t, [], nil}]}]");
        reads("%{\"b\" => 2, a: 1}", "{:%{}, [], [{\"b\", 2}, {:a, 1}]}");
        reads("%{m | a: 1}", "{:%{}, [], [{:|, [], [{:m, [], nil}, [a: 1]]}]}");
        reads("%User{name: \"x\"}", "{:%, [], [{:__aliases__, [], [:User]}, {:%{}, [], [name: \"x\"]}]}");
        reads("<<a::8, rest::binary>>", "{:<<>>, [], [{:\"::\", [], [{:a, [], nil}, 8]}, {:\"::\", [], [{:rest, [], nil}, {:binary, [], nil}]}]}");
    }

    @Test
    void operatorsByPrecedence() {
        reads("1 + 2 * 3 ** 2", "{:+, [], [1, {:*, [], [2, {:**, [], [3, 2]}]}]}");
        reads("a = b = c", "{:=, [], [{:a, [], nil}, {:=, [], [{:b, [], nil}, {:c, [], nil}]}]}");
        reads("x not in [1]", "{:__block__, [], [{:not, [], [{:in, [], [{:x, [], nil}, [1]]}]}]}");
        reads("1..10//2", "{:..//, [], [1, 10, 2]}");
        reads("a |> f() |> g(1)", "{:|>, [], [{:|>, [], [{:a, [], nil}, {:f, [], []}]}, {:g, [], [1]}]}");
        reads("&(&1 + 1)", "{:&, [], [{:+, [], [{:&, [], [1]}, 1]}]}");
        reads("&Mod.fun/2", "{:&, [], [{:/, [], [{{:., [], [{:__aliases__, [], [:Mod]}, :fun]}, [], []}, 2]}]}");
        reads("-2 ** 2", "{:**, [], [{:-, [], [2]}, 2]}");
        reads("!x", "{:__block__, [], [{:!, [], [{:x, [], nil}]}]}");
    }

    @Test
    void calls() {
        reads("@impl true", "{:@, [], [{:impl, [], [true]}]}");
        reads("f g x, y", "{:f, [], [{:g, [], [{:x, [], nil}, {:y, [], nil}]}]}");
        reads("Mod.fun x, key: 1", "{{:., [], [{:__aliases__, [], [:Mod]}, :fun]}, [], [{:x, [], nil}, [key: 1]]}");
        reads("f.(x)", "{{:., [], [{:f, [], nil}]}, [], [{:x, [], nil}]}");
        reads("m.key", "{{:., [], [{:m, [], nil}, :key]}, [], []}");
        reads("m[:k][:j]", "{{:., [], [Access, :get]}, [], [{{:., [], [Access, :get]}, [], [{:m, [], nil}, :k]}, :j]}");
        reads("def f(x) when x > 0, do: x",
                "{:def, [], [{:when, [], [{:f, [], [{:x, [], nil}]}, {:>, [], [{:x, [], nil}, 0]}]}, [do: {:x, [], nil}]]}");
    }

    @Test
    void blocksAndClauses() {
        reads("if x do\n  1\nelse\n  2\nend", "{:if, [], [{:x, [], nil}, [do: 1, else: 2]]}");
        reads("case x do\n  {:ok, v} when v > 0 -> v\n  _ -> nil\nend",
                "{:case, [], [{:x, [], nil}, [do: [{:->, [], [[{:when, [], [{:ok, {:v, [], nil}}, {:>, [], [{:v, [], nil}, 0]}]}], "
                        + "{:v, [], nil}]}, {:->, [], [[{:_, [], nil}], nil]}]]]}");
        reads("fn\n  0 -> :zero\n  n -> n\nend", "{:fn, [], [{:->, [], [[0], :zero]}, {:->, [], [[{:n, [], nil}], {:n, [], nil}]}]}");
        reads("fn -> :ok end", "{:fn, [], [{:->, [], [[], :ok]}]}");
        reads("with {:ok, a} <- f(),\n     {:ok, b} <- g(a) do\n  a + b\nelse\n  e -> e\nend",
                "{:with, [], [{:<-, [], [{:ok, {:a, [], nil}}, {:f, [], []}]}, {:<-, [], [{:ok, {:b, [], nil}}, {:g, [], [{:a, [], nil}]}]}, "
                        + "[do: {:+, [], [{:a, [], nil}, {:b, [], nil}]}, else: [{:->, [], [[{:e, [], nil}], {:e, [], nil}]}]]]}");
        reads("for x <- 1..3, x > 1, into: %{}, do: {x, x}",
                "{:for, [], [{:<-, [], [{:x, [], nil}, {:.., [], [1, 3]}]}, {:>, [], [{:x, [], nil}, 1]}, "
                        + "[into: {:%{}, [], []}, do: {{:x, [], nil}, {:x, [], nil}}]]}");
        reads("try do\n  f()\nrescue\n  e in RuntimeError -> e\nafter\n  :done\nend",
                "{:try, [], [[do: {:f, [], []}, rescue: [{:->, [], [[{:in, [], [{:e, [], nil}, {:__aliases__, [], [:RuntimeError]}]}], "
                        + "{:e, [], nil}]}], after: :done]]}");
    }

    @Test
    void newlinesAndSeparators() {
        reads("x\n|> f()\n|> g()", "{:|>, [], [{:|>, [], [{:x, [], nil}, {:f, [], []}]}, {:g, [], []}]}");
        reads("a\n-b", "{:__block__, [], [{:a, [], nil}, {:-, [], [{:b, [], nil}]}]}");
        reads("a; b", "{:__block__, [], [{:a, [], nil}, {:b, [], nil}]}");
        reads("1 +\n  2 # comment", "{:+, [], [1, 2]}");
    }

    @Test
    void errorsAreElixirs() {
        fails("f(", "TokenMissingError", "iex:1:3: missing terminator: ) (for \"(\" starting at line 1)\n    |\n  1 | f(\n    |   ^");
        fails("1 +", "TokenMissingError", "iex:1:3: syntax error: expression is incomplete\n    |\n  1 | 1 +\n    |   ^");
        fails("foo)", "SyntaxError", "iex:1:4: unexpected token: )\n    |\n  1 | foo)\n    |    ^");
        fails("1 + * 2", "SyntaxError", "iex:1:5: syntax error before: '*'\n    |\n  1 | 1 + * 2\n    |     ^");
        fails("\"abc", "TokenMissingError", "iex:1:5: missing terminator: \" (for string starting at line 1)\n    |\n  1 | \"abc\n    |     ^");
        fails("if x do", "TokenMissingError", "iex:1:8: missing terminator: end (for \"do\" starting at line 1)\n    |\n  1 | if x do\n    |        ^");
        fails("[1, 2)", "SyntaxError", "iex:1:6: unexpected token: ). The \"[\" at line 1 is missing terminator \"]\"");
        fails("end", "SyntaxError", "iex:1:1: unexpected reserved word: end");
        fails("1a", "SyntaxError", "iex:1:1: invalid character \"a\" after number 1. If you intended to write a number, make sure to "
                + "separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, "
                + "note that identifiers in Elixir cannot start with numbers. Unexpected token: a\n    |\n  1 | 1a\n    | ^");
        fails("a;;b", "SyntaxError", "iex:1:3: unexpected token: \";\" (column 3, code point U+003B)\n    |\n  1 | a;;b\n    |   ^");
        fails("defmodule A do\n  def f do\n    1\nend", "TokenMissingError",
                "iex:4:4: missing terminator: end (for \"do\" starting at line 1)\n    |\n  4 | end\n    |    ^");
        fails("x = \"a#{", "TokenMissingError",
                "iex:1:7: missing interpolation terminator: \"}\" (for string starting at line 1)\n    |\n  1 | x = \"a#{\n    |       ^");
        fails("else", "SyntaxError", "iex:1:1: syntax error before: else. \"else\" is a reserved word in Elixir and therefore its usage "
                + "is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function");
        fails("foo bar do end baz", "SyntaxError", "iex:1:16: syntax error before: baz\n    |\n  1 | foo bar do end baz\n    |                ^");
        fails("foo(1, a: 2, 3)", "SyntaxError", "iex:1:12: " + SyntaxMessages.KW_CALL_FOLLOW_UP + "\n    |\n  1 | foo(1, a: 2, 3)\n    |            ^");
    }

    @Test
    void errorsPlacedByANodeHaveNoColumnAsAtThePrompt() {
        fails("[f a, b]", "SyntaxError", "iex:1: " + SyntaxMessages.NO_PARENS_CONTAINER);
        fails("f a, g b, c", "SyntaxError", "iex:1: " + SyntaxMessages.NO_PARENS_MANY);
        fails("fn x -> 1; 2 end |> f\ncase x do\n  a\n  b -> c\nend", "SyntaxError", "iex:4: " + SyntaxMessages.INVALID_STAB);
    }

    @Test
    void errorsKnowTheirPlaceAndWhetherIexWouldContinue() {
        ElixirSyntaxError e = assertThrows(ElixirSyntaxError.class, () -> ElixirReader.read("x = [1,\n2", "nofile"));
        assertEquals("TokenMissingError", e.kind());
        assertEquals("nofile", e.file());
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertEquals("missing terminator: ] (for \"[\" starting at line 1)", e.description());
        assertTrue(e.incomplete());
        ElixirSyntaxError s = assertThrows(ElixirSyntaxError.class, () -> ElixirReader.read("1 + * 2", "iex"));
        assertFalse(s.incomplete());
    }

    @Test
    void readsFromTheLineIexNumbersThePrompt() {
        ElixirSyntaxError e = assertThrows(ElixirSyntaxError.class, () -> ElixirReader.read("x = 1\nfoo)", "iex", 3));
        assertEquals("iex:4:4: unexpected token: )\n    |\n  4 | foo)\n    |    ^", e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void stringColumnsCountAsElixirCounts() {
        fails("\"b\\#{z}\"\"", "TokenMissingError",
                "iex:1:8: missing terminator: \" (for string starting at line 1)\n    |\n  1 | \"b\\#{z}\"\"\n    |        ^");
    }

    @Test
    void incompleteExactlyWhenIexContinues() {
        for (String s : List.of("defmodule A do", "f(", "[1,", "%{a: 1", "1 +", "x |>", "\"abc", "'abc", "\"\"\"\nabc",
                "~s(abc", "fn x ->", "case x do\n  1 -> 2", "\"#{", "a \\", "a =", "if x,", "f a,")) {
            assertTrue(ElixirReader.isIncomplete(s), s);
        }
        for (String s : List.of("", "1 + 2", "foo)", "end", "1 + * 2", "[1, 2)", "x = 1\n|> f", "fn -> 1 end", "a b c", "# c")) {
            assertFalse(ElixirReader.isIncomplete(s), s);
        }
    }
}
