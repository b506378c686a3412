package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.GroovyShell;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IexSyntaxTest {

    private static void translates(String input, String expected) {
        assertEquals(expected, IexSyntax.translate(input), () -> "translating: " + input);
    }

    private static void unchanged(String input) {
        translates(input, input);
    }

    private static final String HELLO_SERVER = """
            class HelloServer extends GenServer {
              static start_link(id) { GenServer.start_link(HelloServer, id, name: HelloServer) }
              def init(id) { {:ok, %{id: id}} }
              def handle_call(:hello, from, state) { {:reply, "hello", state} }
            }""";

    @Nested
    class KeywordLists {

        @Test
        void listOfKeywordsIsAListOfTuples() {
            translates("[a: 1, b: :x]", "[_tuple_(_atom_(\"a\"), 1), _tuple_(_atom_(\"b\"), _atom_(\"x\"))]");
            translates("[\"a b\": 1]", "[_tuple_(_atom_(\"a b\"), 1)]");
            translates("[1, a: 2]", "[1, _tuple_(_atom_(\"a\"), 2)]");
            translates("x = [a: [b: 1],\n c: 2]",
                    "x = [_tuple_(_atom_(\"a\"), [_tuple_(_atom_(\"b\"), 1)]),\n _tuple_(_atom_(\"c\"), 2)]");
        }

        @Test
        void trailingKeywordsOfATuple() {
            translates("{Registry, keys: :unique}", "_tuple_(Registry, [_tuple_(_atom_(\"keys\"), _atom_(\"unique\"))])");
            translates("[{Registry, keys: :unique, name: R}]",
                    "[_tuple_(Registry, [_tuple_(_atom_(\"keys\"), _atom_(\"unique\")),"
                            + " _tuple_(_atom_(\"name\"), R)])]");
        }

        @Test
        void namedArgumentsAndIndexesStay() {
            translates("GenServer.start_link(X, 1, name: X)", "GenServer.start_link(X, 1, name: X)");
            translates("Supervisor.start_link(c, strategy: :one_for_one)",
                    "Supervisor.start_link(c, strategy: _atom_(\"one_for_one\"))");
            unchanged("m[a: 1]");
            unchanged("[a: 1, 1]");
            unchanged("[*:defaults]");
        }
    }

    @Nested
    class DottedAliases {

        @Test
        void aliasValues() {
            translates("Secret.Registry", "_alias_(\"Secret.Registry\")");
            translates("x = {Secret.Registry, 1}", "x = _tuple_(_alias_(\"Secret.Registry\"), 1)");
            translates("f(Ab.Cd.Ef, 2)", "f(_alias_(\"Ab.Cd.Ef\"), 2)");
        }

        @Test
        void callsTypesAndMembersStay() {
            unchanged("GenServer.call(pid, hi)");
            unchanged("Process.exit(pid, reason)");
            unchanged("String.CASE_INSENSITIVE_ORDER");
            unchanged("TableViewer.COLUMNS");
            unchanged("Thread.State.NEW");
            unchanged("Map.Entry e = null");
            unchanged("new Foo.Bar()");
            unchanged("x instanceof Map.Entry");
            unchanged("x as Foo.Bar");
            unchanged("a.B.C");
            unchanged("Foo.Bar.baz()");
        }
    }

    @Nested
    class Pipes {

        @Test
        void pipeIntoFirstArgument() {
            translates("a |> f(b)", "f(a, b)");
            translates("a |> f()", "f(a)");
            translates("x = [1] |> Enum.map(g) |> Enum.sum()", "x = ElixirEnum.sum(ElixirEnum.map([1], g))");
            translates("\"a\" |> String.upcase()", "ElixirString.upcase(\"a\")");
            translates("f(a |> g(1), 2)", "f(g(a, 1), 2)");
            translates("x == a |> g()", "x == g(a)");
        }

        @Test
        void multiLinePipelinesKeepTheirLines() {
            translates("def s(l) {\n  l\n  |> Enum.map(f)\n  |> Enum.sum()\n}",
                    "def s(l) {\n  ElixirEnum.sum(ElixirEnum.map(l\n  , f)\n  )\n}");
        }

        @Test
        void throwOfATerm() {
            translates("throw(:ball)", "throw _throw_(_atom_(\"ball\"))");
            translates("throw (e)", "throw _throw_(e)");
            unchanged("throw e");
            unchanged("throw new RuntimeException()");
        }

        @Test
        void anonymousFunctionCalls() {
            translates("f.(1, 2)", "f.call(1, 2)");
            translates("1 |> f.()", "f.call(1)");
            unchanged("a | b");
        }
    }

    @Nested
    class Atoms {

        @Test
        void simpleAtoms() {
            translates(":ok", "_atom_(\"ok\")");
            translates("x = :hello_world", "x = _atom_(\"hello_world\")");
            translates("f(:a, :B1, :node@host)", "f(_atom_(\"a\"), _atom_(\"B1\"), _atom_(\"node@host\"))");
            translates("[:valid?, :fetch!]", "[_atom_(\"valid?\"), _atom_(\"fetch!\")]");
            translates("x == :ok", "x == _atom_(\"ok\")");
        }

        @Test
        void quotedAtoms() {
            translates(":\"any text\"", "_atom_(\"any text\")");
            translates(":\"Elixir.Foo\"", "_atom_(\"Elixir.Foo\")");
            translates(":'single'", "_atom_('single')");
            // Elixir escapes Groovy lacks become unicode escapes; '$' is plain text in Elixir
            translates(":\"a\\e$b\"", "_atom_(\"a\\u001B\\$b\")");
            translates(":\"x#{1 + 1}\"", "_atom_(\"x${_str_(1 + 1)}\")");
        }

        @Test
        void atomAfterWhitespaceBeforeLetter() {
            translates("case :hello:", "case _atom_(\"hello\"):");
            translates("switch (x) { case :a: 1 }", "switch (x) { case _atom_(\"a\"): 1 }");
        }

        @Test
        void colonsThatAreNotAtoms() {
            unchanged("foo(name: X)");
            unchanged("label: for (x in y) {}");
            unchanged("a ? b : c");
            unchanged("a?b:c");
            unchanged("String::valueOf");
            unchanged("list.collect(Foo::bar)");
            unchanged("[*:defaults]");
            unchanged("m[(k):v]");
            unchanged("for (s : list) {}");
            unchanged("x ? 'a':'b'");
        }

        @Test
        void erlangModuleCalls() {
            translates(":erlang.system_info(:atom_limit)", "_erl_(\"erlang\").system_info(_atom_(\"atom_limit\"))");
            translates(":global.whereis_name(x)", "_erl_(\"global\").whereis_name(x)");
            translates(":sys.get_state(pid)", "_erl_(\"sys\").get_state(pid)");
            translates("n = :ets.all()", "n = _erl_(\"ets\").all()");
        }
    }

    @Nested
    class PredicateAndBangNames {

        @Test
        void renamed() {
            translates("Process.alive?(pid)", "Process.alive_qm(pid)");
            translates("Foo.fetch!(m, :k)", "Foo.fetch_bang(m, _atom_(\"k\"))");
            translates("if (empty?(x)) {}", "if (empty_qm(x)) {}");
        }

        @Test
        void operatorsUntouched() {
            unchanged("a != b");
            unchanged("!x");
            unchanged("a ?: b");
            unchanged("a?.b");
            unchanged("x ? y : z");
            unchanged("x ? (y) : z");
            unchanged("a !(b)");
            translates("a !== b", "!procshell.shell.eval.Values.strictlyEqual(a, b)"); // not a bang name
            unchanged("if(!(x)) {}");
        }

        @Test
        void elixirStringModule() {
            translates("String.upcase(s)", "ElixirString.upcase(s)");
            translates("String.valid?(s)", "ElixirString.valid_qm(s)");
            translates("String.length(\"abc\")", "ElixirString.length(\"abc\")");
            unchanged("String.valueOf(1)");
            unchanged("String.format('%d', 1)");
            unchanged("String.join(',', list)");
            unchanged("String.copyValueOf(chars)");
            unchanged("String s = x");
            unchanged("String.CASE_INSENSITIVE_ORDER");
            unchanged("java.lang.String.valueOf(1)");
            unchanged("x.String.upcase(s)");
        }

        @Test
        void elixirMapModule() {
            translates("Map.put(m, :k, 1)", "ElixirMap.put(m, _atom_(\"k\"), 1)");
            translates("Map.fetch!(m, k)", "ElixirMap.fetch_bang(m, k)");
            unchanged("Map.of(1, 2)");
            unchanged("Map.Entry e = null");
        }

        @Test
        void elixirEnumModule() {
            translates("Enum.each(1..99, fn x -> f(x) end)", "ElixirEnum.each(1..99, { x -> f(x) })");
            translates("Enum.member?(l, 1)", "ElixirEnum.member_qm(l, 1)");
            unchanged("Enum.valueOf(Color, 'RED')");
            unchanged("Enum e = x");
            unchanged("java.lang.Enum.valueOf(Color, 'RED')");
            unchanged("x.Enum.map(l, f)");
        }
    }

    @Nested
    class Tuples {

        @Test
        void inValuePositions() {
            translates("{1, 2}", "_tuple_(1, 2)");
            translates("x = {:ok, 1}", "x = _tuple_(_atom_(\"ok\"), 1)");
            translates("f({1, 2}, [{3, 4}])", "f(_tuple_(1, 2), [_tuple_(3, 4)])");
            translates("t == {1, 2}", "t == _tuple_(1, 2)");
            translates("t != {1, 2}", "t != _tuple_(1, 2)");
            translates("return {:error, e}", "return _tuple_(_atom_(\"error\"), e)");
            translates("[a: {1, 2}]", "[_tuple_(_atom_(\"a\"), _tuple_(1, 2))]");
            translates("c ? {1, 2} : {3, 4}", "c ? _tuple_(1, 2) : _tuple_(3, 4)");
            translates("l << {1, 2}", "l << _tuple_(1, 2)");
            translates("x + {1, 2}", "x + _tuple_(1, 2)");
            translates("x in {1, 2}", "x in _tuple_(1, 2)");
            translates("a; {1, 2}", "a; _tuple_(1, 2)");
            translates("list.collect { x -> {x, 1} }", "list.collect { x -> _tuple_(x, 1) }");
        }

        @Test
        void nestedAndEmpty() {
            translates("x = {1, {2, {3, 4}}, :a}", "x = _tuple_(1, _tuple_(2, _tuple_(3, 4)), _atom_(\"a\"))");
            translates("x = {}", "x = _tuple_()");
            translates("f({ })", "f(_tuple_())");
            translates("x = { 1, 2 }", "x = _tuple_(1, 2)");
        }

        @Test
        void oneElementTuplesOfLiteralsAndTuples() {
            translates("x = {:ok}", "x = _tuple_(_atom_(\"ok\"))");
            translates("{{1, 2}}", "_tuple_(_tuple_(1, 2))");
            translates("x = {:a, {{1, 2}}}", "x = _tuple_(_atom_(\"a\"), _tuple_(_tuple_(1, 2)))");
            translates("[{{:\"$1\", :\"$2\"}}]", "[_tuple_(_tuple_(_atom_(\"\\$1\"), _atom_(\"\\$2\")))]");
            translates("f({\"s\"}, {1})", "f(_tuple_(\"s\"), _tuple_(1))");
            unchanged("x = { it }");
            unchanged("x = { f(1, 2) }");
        }

        @Test
        void blocksAndClosuresUntouched() {
            unchanged("list.each { println it }");
            unchanged("class X { }");
            unchanged("if (x) { a; b }");
            unchanged("foo(a) { x, y -> x }");
            unchanged("m = { a, b -> a + b }");
            unchanged("try { f(1, 2) } finally { g(1, 2) }");
            unchanged("if (x) { a } else { b }");
            unchanged("x = { println a, b }");
            unchanged("x = { int a, b }");
            unchanged("x = { it }");
            unchanged("list.inject(0) { acc, v -> acc + v }");
            unchanged("if (x)\n{ println a, b }");
            unchanged("def m(a, b)\n{ a, b }");
            unchanged("while (x)\n{ a, b }");
            unchanged("new Runnable()\n{ a, b }");
            unchanged("class Foo\n{\n  int a, b\n}");
            unchanged("x = {\n  a = 1\n  b = 2, 3\n}");
        }

        @Test
        void tupleAtStatementStartInsideBlock() {
            translates("def init(id) { {:ok, %{id: id}} }",
                    "def init(id) { _tuple_(_atom_(\"ok\"), _map_(_atom_(\"id\"), id)) }");
            translates("def f() {\n  x = 1\n  {:ok, x}\n}", "def f() {\n  x = 1\n  _tuple_(_atom_(\"ok\"), x)\n}");
            translates("x = foo(1)\n{1, 2}", "x = foo(1)\n_tuple_(1, 2)");
        }

        @Test
        void multiLineTuple() {
            translates("x = {\n  :ok,\n  1\n}", "x = _tuple_(\n  _atom_(\"ok\"),\n  1\n)");
        }
    }

    @Nested
    class Matches {

        @Test
        void basicMatch() {
            translates("{:ok, pid} = HelloServer.start_link(123)",
                    "_match_(binding, _ptuple_(_plit_(_atom_(\"ok\")), _pvar_(\"pid\")),"
                            + " (HelloServer.start_link(123)))");
        }

        @Test
        void patternKinds() {
            translates("{a, _, _b, ^c, [d, e], {:x, 1}, nil, \"s\", 2.5, Foo} = v",
                    "_match_(binding, _ptuple_(_pvar_(\"a\"), _pvar_(\"_\"), _pvar_(\"_\"), _ppin_(c),"
                            + " _plist_(_pvar_(\"d\"), _pvar_(\"e\")), _ptuple_(_plit_(_atom_(\"x\")), _plit_(1)),"
                            + " _plit_(null), _plit_(\"s\"), _plit_(2.5d), _plit_(Foo)), (v))");
            translates("{} = f()", "_match_(binding, _ptuple_(), (f()))");
            translates("{x} = {1}", "_match_(binding, _ptuple_(_pvar_(\"x\")), (_tuple_(1)))");
            translates("{a, b} = {1, 2}", "_match_(binding, _ptuple_(_pvar_(\"a\"), _pvar_(\"b\")), (_tuple_(1, 2)))");
        }

        @Test
        void expressionEndsWithStatement() {
            translates("{a, b} = f(); c = 1", "_match_(binding, _ptuple_(_pvar_(\"a\"), _pvar_(\"b\")), (f())); c = 1");
            translates("{a, b} = f() # why", "_match_(binding, _ptuple_(_pvar_(\"a\"), _pvar_(\"b\")), (f())) // why");
            translates("x = 1\n{a, b} = f()\ny = 2",
                    "x = 1\n_match_(binding, _ptuple_(_pvar_(\"a\"), _pvar_(\"b\")), (f()))\ny = 2");
        }

        @Test
        void multiLineExpressionKeepsClosingParenOnLastLine() {
            translates("{:ok, v} =\n  foo(1,\n    2)\nx = 1",
                    "_match_(binding, _ptuple_(_plit_(_atom_(\"ok\")), _pvar_(\"v\")), (\n  foo(1,\n    2)))\nx = 1");
            translates("{a, b} = list\n  .first()\nz",
                    "_match_(binding, _ptuple_(_pvar_(\"a\"), _pvar_(\"b\")), (list\n  .first()))\nz");
        }

        @Test
        void notAMatch() {
            translates("{a, b} == f()", "_tuple_(a, b) == f()");
            translates("def f() { {a, b} = g() }", "def f() { _tuple_(a, b) = g() }");
            translates("x({a, b} = y)", "x(_tuple_(a, b) = y)");
        }
    }

    @Nested
    class Maps {

        @Test
        void mapLiterals() {
            translates("%{id: 123, \"a\" => 1, :b => x}", "_map_(_atom_(\"id\"), 123, \"a\", 1, _atom_(\"b\"), x)");
            translates("%{}", "_map_()");
            translates("%{ }", "_map_()");
            translates("%{\"quoted key\": v}", "_map_(_atom_(\"quoted key\"), v)");
            translates("%{nil: nil}", "_map_(_atom_(\"nil\"), null)");
            translates("m = %{a: {1, 2}, b: %{c: [1, 2]}}",
                    "m = _map_(_atom_(\"a\"), _tuple_(1, 2), _atom_(\"b\"), _map_(_atom_(\"c\"), [1, 2]))");
            translates("%{{1, 2} => :t, f(1, 2) => fn x -> x end}",
                    "_map_(_tuple_(1, 2), _atom_(\"t\"), f(1, 2), { x -> x })");
        }

        @Test
        void multiLineMap() {
            translates("m = %{\n  a: 1,\n  \"b\" => 2\n}", "m = _map_(\n  _atom_(\"a\"), 1,\n  \"b\", 2\n)");
        }

        @Test
        void groovyMapsUntouched() {
            unchanged("[:]");
            unchanged("f(a: 1, b: 2)");
            unchanged("x % y");
        }
    }

    @Nested
    class AnonymousFunctions {

        @Test
        void singleLine() {
            translates("f = fn x -> x * 2 end", "f = { x -> x * 2 }");
            translates("f = fn -> :ok end", "f = { -> _atom_(\"ok\") }");
            translates("f = fn a, b -> a + b end", "f = { a, b -> a + b }");
            translates("f = fn(a, b) -> a + b end", "f = {a, b -> a + b }");
            translates("Enum.map(l, fn x -> {x, nil} end)", "ElixirEnum.map(l, { x -> _tuple_(x, null) })");
            translates("spawn fn -> loop() end", "spawn { -> loop() }");
        }

        @Test
        void nested() {
            translates("fn x -> fn y -> x + y end end", "{ x -> { y -> x + y } }");
        }

        @Test
        void multiLineKeepsLines() {
            translates("f = fn x ->\n  y = x * 2\n  y + 1\nend", "f = { x ->\n  y = x * 2\n  y + 1\n}");
        }

        @Test
        void elixirDoBlockKeepsItsOwnEnd() {
            translates("pid = spawn(fn ->\n  cond do\n    x -> 2\n  end\nend)",
                    "pid = spawn({ ->\n  cond do\n    x -> 2\n  end\n})");
        }

        @Test
        void groovyNamesFnAndEndUntouched() {
            unchanged("def fn = { it }");
            unchanged("fn(3)");
            unchanged("fn.call(1)");
            unchanged("def end = 5");
            unchanged("range.end");
            unchanged("def fn(x) { x }");
            translates("fn x -> x.end end", "{ x -> x.end }");
        }
    }

    @Nested
    class StringsAndComments {

        @Test
        void interpolation() {
            translates("\"#{a}_#{b}\"", "\"${_str_(a)}_${_str_(b)}\"");
            translates("\"\"\"x #{y}\"\"\"", "\"\"\"x ${_str_(y)}\"\"\"");
            translates("\"#{:ok} #{nil}\"", "\"${_str_(_atom_(\"ok\"))} ${_str_(null)}\"");
            translates("\"#{}|#{ }\"", "\"${_str_(null)}|${_str_(null) }\"");
            translates("\"#{m[\"k\"]}\"", "\"${_str_(m[\"k\"])}\"");
            unchanged("\"$x ${y} \\#{z}\"");
            unchanged("'#{x}'");
            unchanged("'''#{x}'''");
        }

        @Test
        void nothingTranslatedInStringsOrComments() {
            unchanged("\"text :ok nil {1, 2} fn x -> end %{a: 1} alive?(x) __MODULE__\"");
            unchanged("'text :ok nil {1, 2}'");
            unchanged("\"\"\"\n:ok\n{1, 2}\n\"\"\"");
            unchanged("// :ok nil {1, 2}");
            unchanged("/* :ok\n nil {1, 2} */");
            unchanged("x = /a:b #c/");
        }

        @Test
        void hashComments() {
            translates("x = 1 # note", "x = 1 // note");
            translates("# it's {1, 2}", "// it's {1, 2}");
            unchanged("#!/usr/bin/env groovy\nx");
            unchanged("#iex:break");
            translates("x\n#!not a shebang", "x\n//!not a shebang");
        }
    }

    @Nested
    class NilAndModule {

        @Test
        void nil() {
            translates("x = nil", "x = null");
            translates("f(nil, [nil])", "f(null, [null])");
            unchanged("x.nil");
            translates("[nil: 1]", "[_tuple_(_atom_(\"nil\"), 1)]");
            unchanged("f(nil: 1)");
            translates("x == :nil", "x == _atom_(\"nil\")");
            unchanged("nilly = 1");
        }

        @Test
        void moduleName() {
            translates("class A { def n() { __MODULE__ } }", "class A { def n() { A } }");
            translates("class A { class B { def n() { __MODULE__ } }\n def m() { __MODULE__ } }",
                    "class A { class B { def n() { B } }\n def m() { A } }");
            translates("interface I { def x = __MODULE__ }", "interface I { def x = I }");
            translates("enum E { A; def n() { __MODULE__ } }", "enum E { A; def n() { E } }");
            translates("class A<T> extends B implements C {\n def n() { \"#{__MODULE__}\" }\n}",
                    "class A<T> extends B implements C {\n def n() { \"${_str_(A)}\" }\n}");
            unchanged("__MODULE__");
            unchanged("class A {}\n__MODULE__");
            unchanged("x = Foo.class\n__MODULE__");
        }
    }

    @Nested
    class HelpCommands {

        @Test
        void hReadsItsArgumentAsAReferenceAsIexsMacroDoes() {
            translates("h Enum", "_h_(\"Enum\")");
            translates("h Enum.map", "_h_(\"Enum.map\")");
            translates("h(Registry.lookup)", "_h_(\"Registry.lookup\")");
            translates("h Registry.lookup/2", "_h_(\"Registry.lookup/2\")");
            translates("h( Process.alive? )", "_h_(\"Process.alive?\")");
            translates("h(:ets.lookup/2)", "_h_(\":ets.lookup/2\")");
            translates("h(:ok)", "_h_(\":ok\")");
            translates("h(spawn)", "_h_(\"spawn\")");
        }

        @Test
        void leftForTheConsole() {
            unchanged("h 1");
            unchanged("i {:ok, 1}");
            unchanged("i :ok");
            unchanged("i %{a: nil}");
        }

        @Test
        void ordinaryUsesOfHAndI() {
            translates("i = :ok", "i = _atom_(\"ok\")");
            translates("h(f(1))", "h(f(1))");
            translates("x.h(Registry.lookup)", "x.h(Registry.lookup)");
            translates("i in {1, 2}", "i in _tuple_(1, 2)");
            translates("i++; x = :a", "i++; x = _atom_(\"a\")");
            translates("f(i :ok)", "f(i _atom_(\"ok\"))");
        }
    }

    @Nested
    class LineStructure {

        @Test
        void helloServerClass() {
            String out = IexSyntax.translate(HELLO_SERVER);
            List<String> lines = out.lines().toList();
            assertAll(
                    () -> assertEquals(5, lines.size()),
                    () -> assertEquals("class HelloServer extends GenServer {", lines.get(0)),
                    () -> assertEquals(HELLO_SERVER.lines().toList().get(1), lines.get(1)),
                    () -> assertEquals("  def init(id) { _tuple_(_atom_(\"ok\"), _map_(_atom_(\"id\"), id)) }",
                            lines.get(2)),
                    () -> assertEquals("  def handle_call(_atom_(\"hello\"), from, state) {"
                            + " _tuple_(_atom_(\"reply\"), \"hello\", state) }", lines.get(3)),
                    () -> assertEquals("}", lines.get(4)));
        }

        @Test
        void constructsStayOnTheirLines() {
            String in = """
                    a = :one
                    b = {1,
                      2}
                    c = %{x:
                      nil}
                    d = fn x ->
                      x
                    end
                    e = "#{
                      :two}"
                    {p,
                     q} = {3,
                           4} # done
                    """;
            String out = IexSyntax.translate(in);
            String[] lines = out.split("\n", -1);
            assertEquals(in.split("\n", -1).length, lines.length);
            assertAll(
                    () -> assertEquals("a = _atom_(\"one\")", lines[0]),
                    () -> assertEquals("b = _tuple_(1,", lines[1]),
                    () -> assertEquals("  2)", lines[2]),
                    () -> assertEquals("c = _map_(_atom_(\"x\"),", lines[3]),
                    () -> assertEquals("  null)", lines[4]),
                    () -> assertEquals("d = { x ->", lines[5]),
                    () -> assertEquals("  x", lines[6]),
                    () -> assertEquals("}", lines[7]),
                    () -> assertEquals("e = \"${_str_(", lines[8]),
                    () -> assertEquals("  _atom_(\"two\"))}\"", lines[9]),
                    () -> assertEquals("_match_(binding, _ptuple_(_pvar_(\"p\"),", lines[10]),
                    () -> assertEquals(" _pvar_(\"q\")), (_tuple_(3,", lines[11]),
                    () -> assertEquals("       4))) // done", lines[12]),
                    () -> assertEquals("", lines[13]));
        }

        @Test
        void windowsLineEndingsKeepLineCount() {
            String in = "x = {1,\r\n 2}\r\ny = :a\r\n";
            assertEquals("x = _tuple_(1,\r\n 2)\r\ny = _atom_(\"a\")\r\n", IexSyntax.translate(in));
        }
    }

    @Nested
    class Completeness {

        @Test
        void complete() {
            for (String s : List.of("", "x = 1", "f(1, 2)", "f = fn x -> x end", "%{a: 1}", "\"abc\"",
                    "\"\"\"a\nb\"\"\"", "/* c */", "x = 1 # trailing ,", "import java.util.*", "x++",
                    "case 1:", ")", "x = 1)", "(]", "a = [1,\n 2]", "x = 1 +\n 2", "def fn = 1",
                    "fn(3)", "println fn", "h Enum", "list.each { it }", ":ok", "x = '#{'",
                    "do { x++ } while (x < 3)", "do\n{ x++ } while (x < 3)", "case x do\n 1 -> 2\nend")) {
                assertTrue(IexSyntax.isComplete(s), () -> "should be complete: " + s);
            }
        }

        @Test
        void incomplete() {
            for (String s : List.of("f(1,", "x = [1", "class A {", "x = %{a: 1", "\"abc", "'abc",
                    "\"\"\"abc\"\"", "'''abc", "/* c", "f = fn x ->", "f = fn x -> x", "fn", "x = fn",
                    "fn ->\n  1", "a +", "a =", "a ,", "a.", "a ->", "a ||", "x = 1 +   # c\n",
                    "a ==\n\n", "\"#{a\"", "x = \"#{f(\"", "m = %{", ":\"abc", "a ? b :\nc ?",
                    "receive do", "f = fn ->\n  case x do\n    1 -> 2\n  end")) {
                assertFalse(IexSyntax.isComplete(s), () -> "should be incomplete: " + s);
            }
        }

        @Test
        void javadocExamples() {
            translates("x = %{id: nil} # note", "x = _map_(_atom_(\"id\"), null) // note");
            assertFalse(IexSyntax.isComplete("f = fn x ->"));
            assertTrue(IexSyntax.isComplete("f = fn x -> x end"));
        }

        @Test
        void nullInputs() {
            assertTrue(IexSyntax.isComplete(null));
            assertEquals(null, IexSyntax.translate(null));
            assertEquals("", IexSyntax.translate(""));
        }
    }

    static Stream<String> groovyInputs() {
        return Stream.of(
                "{:ok, pid} = HelloServer.start_link(123)",
                ":erlang.system_info(:atom_limit)",
                "Process.alive?(pid) && Map.fetch!(m, :k) && a != b && !x && (a ?: b) && a?.b && (x ? y : z)",
                "x = {1, {2, 3}, :a, {}}",
                "[id: 1, b: {1, 2}]",
                // an atom in a parameter list is not Groovy (see the class Javadoc), and GenServer must resolve
                "class GenServer {}; " + HELLO_SERVER.replace("handle_call(:hello,", "handle_call(msg,"),
                "class S { def name(id) { \"#{__MODULE__}_#{id}\" } }",
                "m = %{id: 123, \"a\" => 1, :b => x, \"quoted key\": nil}",
                "f = fn(a, b) ->\n  y = a + b\n  fn -> {y, nil} end\nend",
                "{a, _b, ^c, [d, e], {:x, 1}, nil} =\n  foo(1,\n    2) # comment\nx = 1",
                "#!/usr/bin/env groovy\n# comment\nx = nil # nil",
                "String.valid?(s) + String.upcase(\"a\") + String.valueOf(1)",
                "switch (x) {\n  case :hello: return {:reply, :ok}\n  default: return nil\n}",
                "def f() {\n  x = 1\n  {:ok, x}\n}\nlist.each { println it }\nfoo(a) { x, y -> x }",
                "Enum.map([1, 2], fn x -> %{v: x, t: {x, :\"Elixir.Foo\"}} end)",
                "x = {\n  :ok,\n  %{\n    a: 1\n  }\n}\n{p, q} = x");
    }

    @ParameterizedTest
    @MethodSource("groovyInputs")
    void translatedOutputParsesAsGroovy(String input) {
        String out = IexSyntax.translate(input);
        assertEquals(input.lines().count(), out.lines().count());
        assertDoesNotThrow(() -> new GroovyShell().parse(out), () -> "Groovy rejected:\n" + out);
    }

    @Test
    void fuzzNeverThrowsAndKeepsLineCount() {
        String[] pieces = {
            "{", "}", "(", ")", "[", "]", "%{", ":", "::", ":a", ":\"", "\"", "'", "\"\"\"", "'''", "#{", "${",
            "#", "//", "/*", "*/", "/", "\\", "\n", "\r", " ", ",", ";", "=", "==", "->", "=>", "?", "!", "^",
            "fn", "end", "nil", "x", "h ", "i ", "__MODULE__", "class A ", "String.", "valid?(", "1", "1.5",
            "_", ".", "+", "<<", "in", "return", "$", "@", "é", "\t", "\uD83D\uDE00", "0x", "e-",
        };
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(40);
            for (int k = 0; k < len; k++) {
                if (random.nextInt(4) == 0) {
                    s.append((char) random.nextInt(128));
                } else {
                    s.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String input = s.toString();
            // test the internal translator: the public entry point hides failures behind a fallback
            String out = assertDoesNotThrow(() -> IexSyntaxTranslator.translate(input, null, false),
                    () -> "input: " + input);
            assertEquals(input.split("\r\n|\r|\n", -1).length, out.split("\r\n|\r|\n", -1).length,
                    () -> "line count changed for: " + input);
            assertDoesNotThrow(() -> IexSyntax.isComplete(input), () -> "input: " + input);
        }
    }
}
