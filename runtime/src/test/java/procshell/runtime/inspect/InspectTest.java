package procshell.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * Terms printed as Elixir 1.14 prints them. Every expected string was produced by Elixir 1.14.0
 * on OTP 25 with {@code inspect/2} and the same options ({@link InspectOptions#IEX} being
 * {@code pretty: true, width: 80}, what iex uses).
 */
class InspectTest {
    private static final InspectOptions IEX = InspectOptions.IEX;

    @AfterEach
    void clearDefaultFallback() {
        Inspect.setDefaultFallback(null);
    }

    private static Atom a(String name) {
        return Atom.of(name);
    }

    private static Tuple tup(Object... elements) {
        return Tuple.of(elements);
    }

    private static List<Object> list(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    /** A keyword list from alternating atom names and values. */
    private static List<Object> kw(Object... kv) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(Tuple.of(a((String) kv[i]), kv[i + 1]));
        }
        return out;
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    private static List<Object> range(int from, int to) {
        return new ArrayList<>(IntStream.rangeClosed(from, to).boxed().toList());
    }

    private static Pid pid(long number) {
        return new Pid(null, 0, number, 0);
    }

    @Test
    void atoms() {
        String[][] cases = {
            {"ok", ":ok"}, {"hello world", ":\"hello world\""}, {"Elixir.Foo.Bar", "Foo.Bar"},
            {"Elixir.foo", ":\"Elixir.foo\""}, {"+", ":+"}, {"foo-bar", ":\"foo-bar\""}, {"foo?", ":foo?"},
            {"bar!", ":bar!"}, {"::", ":\"::\""}, {"//", ":\"//\""}, {"..", ":.."}, {"...", ":..."},
            {"%{}", ":%{}"}, {"nil", "nil"}, {"true", "true"}, {"false", "false"}, {"Foo", ":Foo"},
            {"Elixir", "Elixir"}, {"é", ":é"}, {"a\"b", ":\"a\\\"b\""}, {"foo@bar", ":foo@bar"},
            {"1a", ":\"1a\""}, {"", ":\"\""}, {"\\\\", ":\\\\"}, {"when", ":when"},
            {"foo bar?", ":\"foo bar?\""}, {"Elixir.Elixir.Foo", "Elixir.Elixir.Foo"},
            {"Elixir.Foo.bar", ":\"Elixir.Foo.bar\""}, {"a\nb", ":\"a\\nb\""},
        };
        for (String[] c : cases) {
            assertEquals(c[1], Inspect.inspect(a(c[0])), c[0]);
            assertEquals(c[1], Inspect.inspectAtom(a(c[0])), c[0]);
        }
        assertEquals("nil", Inspect.inspect(null));
        assertEquals("true", Inspect.inspect(true));
        assertEquals("false", Inspect.inspect(false));
        assertEquals(":ok", a("ok").toString());
    }

    @Test
    void strings() {
        assertEquals("\"hello\\nworld\"", Inspect.inspect("hello\nworld"));
        assertEquals("\"say \\\"hi\\\"\"", Inspect.inspect("say \"hi\""));
        assertEquals("\"\\#{x} and #x\"", Inspect.inspect("#{x} and #x"));
        assertEquals("<<1, 2, 3>>", Inspect.inspect("\u0001\u0002\u0003"));
        assertEquals("\"olá\"", Inspect.inspect("olá"));
        assertEquals("\"\\e[1m\"", Inspect.inspect("\u001b[1m"));
        assertEquals("<<0>>", Inspect.inspect("\u0000"));
        assertEquals("\"back\\\\slash\"", Inspect.inspect("back\\slash"));
        assertEquals("\"tab\\tbell\\a\"", Inspect.inspect("tab\tbell\u0007"));
        assertEquals("\"\\uFEFF\"", Inspect.inspect("\uFEFF"));
        assertEquals("\"\"", Inspect.inspect(""));
        assertEquals("\"it's\"", Inspect.inspect("it's"));
        assertEquals("\"café \ud83d\ude00\"", Inspect.inspect("café \ud83d\ude00"));
        assertEquals("\"sb\"", Inspect.inspect(new StringBuilder("sb")));
        // Binaries that are not UTF-8 print as bytes.
        assertEquals("<<255>>", Inspect.inspect(new byte[] {(byte) 255}));
        assertEquals("\"ok\"", Inspect.inspect(new byte[] {'o', 'k'}));
    }

    @Test
    void numbers() {
        assertEquals("42", Inspect.inspect(42));
        assertEquals("-7", Inspect.inspect(-7L));
        assertEquals("1180591620717411303424", Inspect.inspect(BigInteger.TWO.pow(70)));
        assertEquals("0", Inspect.inspect((short) 0));
        assertEquals("5", Inspect.inspect((byte) 5));
    }

    @Test
    void floatsAsOtpShortestText() {
        Object[][] cases = {
            {1.0, "1.0"}, {1.0e20, "1.0e20"}, {0.1 + 0.2, "0.30000000000000004"}, {1.0e-5, "1.0e-5"},
            {0.0001, "0.0001"}, {1.0e16, "1.0e16"}, {1.0e15, "1000000000000000.0"}, {-0.0, "-0.0"},
            {0.0, "0.0"}, {123.456, "123.456"}, {Double.MIN_VALUE, "5.0e-324"},
            {9007199254740992.0, "9007199254740992.0"}, {1.0e22, "1.0e22"}, {0.1, "0.1"},
            {-1.5e-7, "-1.5e-7"}, {2.5, "2.5"}, {1.0e-4 * 1.234, "1.2340000000000002e-4"},
            {2.5f, "2.5"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], Inspect.inspect(c[0]), String.valueOf(c[0]));
        }
    }

    @Test
    void bigDecimalsAreFloats() {
        // what Groovy makes of a decimal literal: the nearest float's text, and a float in term order
        assertEquals("0.3333333333333333", Inspect.inspect(new java.math.BigDecimal("0.33333333333333331")));
        assertEquals("1.0e20", Inspect.inspect(new java.math.BigDecimal("1E+20")));
        assertEquals(0, Inspect.compare(new java.math.BigDecimal("2.50"), 2.5));
        assertTrue(Inspect.compare(new java.math.BigDecimal("2.5"), a("atom")) < 0);
    }

    @Test
    void floatToStringIsAlwaysTheShortestForm() {
        assertEquals("1.0e10", Inspect.floatToString(1.0e10));
        assertEquals("0.30000000000000004", Inspect.floatToString(0.1 + 0.2));
        assertEquals("7.0", Inspect.floatToString(7.0));
        assertEquals("-0.0", Inspect.floatToString(-0.0));
    }

    @Test
    void listsCharlistsAndKeywords() {
        assertEquals("[1, 2, 3]", Inspect.inspect(list(1, 2, 3)));
        assertEquals("[]", Inspect.inspect(list()));
        assertEquals("'abc'", Inspect.inspect(list(97, 98, 99)));
        assertEquals("'it\\'s \"q\"'", Inspect.inspect(list(105, 116, 39, 115, 32, 34, 113, 34)));
        assertEquals("[a: 1, b: 2]", Inspect.inspect(kw("a", 1, "b", 2)));
        assertEquals("[\"hello world\": 1, \"foo-bar\": 2]", Inspect.inspect(kw("hello world", 1, "foo-bar", 2)));
        assertEquals("[{Foo, 1}]", Inspect.inspect(kw("Elixir.Foo", 1)));
        assertEquals("[nil: 1, true: 2]", Inspect.inspect(list(tup(null, 1), tup(true, 2))));
        assertEquals("[{:a, 1}, 2]", Inspect.inspect(list(tup(a("a"), 1), 2)));
        assertEquals("[104, 105, 0]", Inspect.inspect(list(104, 105, 0)));
        assertEquals("'a\\nb\\e'", Inspect.inspect(list(97, 10, 98, 27)));
    }

    @Test
    void charlistModes() {
        InspectOptions asLists = InspectOptions.DEFAULT.withCharlists(InspectOptions.Charlists.AS_LISTS);
        assertEquals("[97, 98, 99]", Inspect.inspect(list(97, 98, 99), asLists));
        InspectOptions asCharlists = InspectOptions.DEFAULT.withCharlists(InspectOptions.Charlists.AS_CHARLISTS);
        assertEquals("'hi\\0Ĭ'", Inspect.inspect(list(104, 105, 0, 300), asCharlists));
    }

    @Test
    void tuples() {
        assertEquals("{}", Inspect.inspect(tup()));
        assertEquals("{:ok, 1}", Inspect.inspect(tup(a("ok"), 1)));
        assertEquals("{:error, {:badarg, [1, 2]}}", Inspect.inspect(tup(a("error"), tup(a("badarg"), list(1, 2)))));
        assertEquals("{1, {2, {3, {}}}}", Inspect.inspect(tup(1, tup(2, tup(3, tup())))));
        assertEquals("{:ok, #PID<0.123.0>}", tup(a("ok"), pid(123)).toString());
    }

    @Test
    void mapsSortKeysInTermOrder() {
        assertEquals("%{}", Inspect.inspect(map()));
        assertEquals("%{id: 123}", Inspect.inspect(map(a("id"), 123)));
        assertEquals("%{:b => 2, \"a\" => 1}", Inspect.inspect(map("a", 1, a("b"), 2)));
        assertEquals("%{1 => :a, 2 => :c, 1.0 => :b}", Inspect.inspect(map(1.0, a("b"), 2, a("c"), 1, a("a"))));
        assertEquals("%{a: 1, \"hello world\": 2}", Inspect.inspect(map(a("hello world"), 2, a("a"), 1)));
        assertEquals("%{nil: 1, true: 2}", Inspect.inspect(map(true, 2, null, 1)));
        assertEquals("%{Foo => 1}", Inspect.inspect(map(a("Elixir.Foo"), 1)));
        assertEquals("%{{3} => [4], [1] => {2}}", Inspect.inspect(map(list(1), tup(2), tup(3), list(4))));
    }

    @Test
    void pidsPrintAsIexDoes() {
        assertEquals("#PID<0.123.0>", Inspect.inspect(pid(123)));
    }

    @Test
    void limits() {
        List<Object> hundred = range(1, 100);
        assertEquals("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, "
                + "26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, "
                + "50, ...]", Inspect.inspect(hundred));
        assertEquals("[1, 2, 3, ...]", Inspect.inspect(hundred, InspectOptions.DEFAULT.withLimit(3)));
        assertEquals("{1, 2, 3, 4, ...}", Inspect.inspect(Tuple.fromList(hundred), InspectOptions.DEFAULT.withLimit(4)));
        Map<Object, Object> ten = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 10).forEach(i -> ten.put(i, i));
        assertEquals("%{1 => 1, 2 => 2, ...}", Inspect.inspect(ten, InspectOptions.DEFAULT.withLimit(2)));
        assertEquals("<<1, 2, 3, ...>>", Inspect.inspect(new byte[] {1, 2, 3, 4, 5}, InspectOptions.DEFAULT.withLimit(3)));
        // Each element gets a limit one lower than the previous one.
        assertEquals("[[1, 2, 3], [4, 5, ...], '\\a\\b\\t']",
                Inspect.inspect(list(list(1, 2, 3), list(4, 5, 6), list(7, 8, 9)), InspectOptions.DEFAULT.withLimit(4)));
        assertEquals("[" + String.join(", ", range(1, 60).stream().map(String::valueOf).toList()) + "]",
                Inspect.inspect(range(1, 60), InspectOptions.DEFAULT.withLimit(InspectOptions.INFINITY)));
        assertEquals("\"ababa\" <> ...", Inspect.inspect("ab".repeat(10), InspectOptions.DEFAULT.withPrintableLimit(5)));
        assertEquals("'abcd' ++ ...", Inspect.inspect(range(97, 106), InspectOptions.DEFAULT.withPrintableLimit(4)));
        assertEquals("\"" + "x".repeat(60) + "\"", Inspect.inspect("x".repeat(60), InspectOptions.DEFAULT.withLimit(2)));
    }

    @Test
    void prettyLongListWrapsWithOneSpaceIndent() {
        assertEquals("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
                + " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,\n"
                + " 43, 44, 45, 46, 47, 48, 49, 50, ...]", Inspect.inspect(range(1, 100), IEX));
        assertEquals("{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
                + " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40}",
                Inspect.inspect(Tuple.fromList(range(1, 40)), IEX));
    }

    @Test
    void prettyKeywordListPutsOnePairPerLine() {
        Object kw = kw("name", "procshell", "version", "0.1.0",
                "description", "an iex-like shell for exploring processes",
                "deps", list(a("jline"), a("picocli")), "count", 3);
        assertEquals("[\n  name: \"procshell\",\n  version: \"0.1.0\",\n"
                + "  description: \"an iex-like shell for exploring processes\",\n"
                + "  deps: [:jline, :picocli],\n  count: 3\n]", Inspect.inspect(kw, IEX));
        List<Object> workers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            workers.add(tup(a("worker_" + i), i * 1000));
        }
        assertEquals("[\n  worker_1: 1000,\n  worker_2: 2000,\n  worker_3: 3000,\n  worker_4: 4000,\n"
                + "  worker_5: 5000,\n  worker_6: 6000,\n  worker_7: 7000,\n  worker_8: 8000\n]",
                Inspect.inspect(workers, IEX));
    }

    @Test
    void prettyNestedTuplesFlex() {
        Object term = tup(a("ok"), tup(a("state"), list(1, 2, 3), map(a("a"), 1, a("b"), 2),
                tup(a("nested"), "a long string value that goes on and on", a("and_on"))));
        assertEquals("{:ok,\n {:state, [1, 2, 3], %{a: 1, b: 2},\n"
                + "  {:nested, \"a long string value that goes on and on\", :and_on}}}", Inspect.inspect(term, IEX));
    }

    @Test
    void prettyMaps() {
        Object term = map(a("id"), 123, a("name"), "a fairly long name for a map entry",
                a("tags"), list(a("one"), a("two"), a("three")),
                a("meta"), map(a("created"), 1_700_000_000, a("by"), "someone"));
        assertEquals("%{\n  id: 123,\n  meta: %{by: \"someone\", created: 1700000000},\n"
                + "  name: \"a fairly long name for a map entry\",\n  tags: [:one, :two, :three]\n}",
                Inspect.inspect(term, IEX));
        Object strings = map("alpha", 1, "beta", list(1, 2, 3), "gamma", "a string that is long enough to wrap the line");
        assertEquals("%{\n  \"alpha\" => 1,\n  \"beta\" => [1, 2, 3],\n"
                + "  \"gamma\" => \"a string that is long enough to wrap the line\"\n}", Inspect.inspect(strings, IEX));
    }

    @Test
    void prettyListOfLongListsIsStrict() {
        List<Object> lists = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            lists.add(range(i, i + 20));
        }
        assertEquals("[\n"
                + "  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],\n"
                + "  [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22],\n"
                + "  [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],\n"
                + "  [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]\n"
                + "]", Inspect.inspect(lists, IEX));
    }

    @Test
    void prettyProcessInfo() {
        Object info = kw(
                "current_function", tup(a("gen_server"), a("loop"), 7),
                "initial_call", tup(a("proc_lib"), a("init_p"), 5),
                "status", a("waiting"),
                "message_queue_len", 0,
                "links", list(pid(110)),
                "dictionary", kw("$initial_call", tup(a("Elixir.HelloServer"), a("init"), 1),
                        "$ancestors", list(pid(110))),
                "trap_exit", false,
                "error_handler", a("error_handler"),
                "priority", a("normal"),
                "group_leader", pid(64),
                "total_heap_size", 233,
                "heap_size", 233,
                "stack_size", 12,
                "reductions", 42,
                "garbage_collection", kw(
                        "max_heap_size", map(a("error_logger"), true, a("kill"), true, a("size"), 0),
                        "min_bin_vheap_size", 46422,
                        "min_heap_size", 233,
                        "fullsweep_after", 65535,
                        "minor_gcs", 0),
                "suspending", list());
        assertEquals("[\n  current_function: {:gen_server, :loop, 7},\n  initial_call: {:proc_lib, :init_p, 5},\n"
                + "  status: :waiting,\n  message_queue_len: 0,\n  links: [#PID<0.110.0>],\n  dictionary: [\n"
                + "    \"$initial_call\": {HelloServer, :init, 1},\n    \"$ancestors\": [#PID<0.110.0>]\n  ],\n"
                + "  trap_exit: false,\n  error_handler: :error_handler,\n  priority: :normal,\n"
                + "  group_leader: #PID<0.64.0>,\n  total_heap_size: 233,\n  heap_size: 233,\n  stack_size: 12,\n"
                + "  reductions: 42,\n  garbage_collection: [\n"
                + "    max_heap_size: %{error_logger: true, kill: true, size: 0},\n    min_bin_vheap_size: 46422,\n"
                + "    min_heap_size: 233,\n    fullsweep_after: 65535,\n    minor_gcs: 0\n  ],\n  suspending: []\n]",
                Inspect.inspect(info, IEX));
    }

    @Test
    void widthZeroBreaksEverything() {
        assertEquals("[\n  1,\n  [2,\n   3]\n]", Inspect.inspect(list(1, list(2, 3)), IEX.withWidth(0)));
    }

    @Test
    void iexSyntaxColors() {
        InspectOptions colors = IEX.withSyntaxColors(SyntaxColors.iex());
        Object term = kw("a", 1, "b", "x", "c", null, "d", true, "e", list(97, 98), "f", tup(1.5, a("ok")),
                "g", map("k", new byte[] {1, 2}));
        String r = "\u001b[0m\u001b[33m";
        String expected = "\u001b[39m[" + r + "\u001b[36ma:" + r + " \u001b[33m1" + r + "\u001b[39m," + r
                + " \u001b[36mb:" + r + " \u001b[32m\"x\"" + r + "\u001b[39m," + r
                + " \u001b[36mc:" + r + " \u001b[35mnil" + r + "\u001b[39m," + r
                + " \u001b[36md:" + r + " \u001b[35mtrue" + r + "\u001b[39m," + r
                + " \u001b[36me:" + r + " \u001b[33m'ab'" + r + "\u001b[39m," + r
                + " \u001b[36mf:" + r + " \u001b[39m{" + r + "\u001b[33m1.5" + r + "\u001b[39m," + r
                + " \u001b[36m:ok" + r + "\u001b[39m}" + r + "\u001b[39m," + r
                + " \u001b[36mg:" + r + " \u001b[39m%{" + r + "\u001b[32m\"k\"" + r + "\u001b[39m => " + r
                + "\u001b[39m<<" + r + "\u001b[33m1" + r + ", \u001b[33m2" + r + "\u001b[39m>>" + r
                + "\u001b[39m}" + r + "\u001b[39m]" + r;
        assertEquals(expected, Inspect.inspect(term, colors));
    }

    @Test
    void fallbacksRenderOtherObjects() {
        Object range = new IntRangeLike(1, 10);
        // Without a fallback, a List implementation prints as the list it is.
        assertEquals("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", Inspect.inspect(range));
        Inspect.setDefaultFallback((term, opts) -> term instanceof IntRangeLike r ? r.from + ".." + r.to : null);
        assertEquals("{:ok, 1..10}", tup(a("ok"), range).toString());
        InspectOptions own = InspectOptions.DEFAULT.withFallback(o -> o instanceof Thread ? "#Thread<>" : null);
        assertEquals("[#Thread<>, 1..10]", Inspect.inspect(list(Thread.currentThread(), range), own));
        assertEquals("java.lang.Object", Inspect.inspect(new Object()).replaceAll("@.*", ""));
    }

    @Test
    void termOrder() {
        List<Object> terms = list(list(1), "b", tup(1, 2), map(a("a"), 1), a("atom"), 2.5, 1, null, true, pid(5),
                tup(0), map(), list(), "a", 1.0, a("b"), false, list(0, 1));
        terms.sort(Inspect.TERM_ORDER);
        // Enum.sort/1 in Elixir gives the same, with 1 and 1.0 (equal) in input order.
        assertEquals("[1, 1.0, 2.5, :atom, :b, false, nil, true, #PID<0.5.0>, {0}, {1, 2}, %{}, %{a: 1}, [], "
                + "[0, 1], [1], \"a\", \"b\"]", Inspect.inspect(terms));
        List<Object> maps = list(map(a("b"), 1), map(a("a"), 2), map(a("a"), 1, a("b"), 1), map(1.0, 1), map(1, 1),
                map(a("a"), 1));
        maps.sort(Inspect.TERM_ORDER);
        assertEquals("[%{1 => 1}, %{1.0 => 1}, %{a: 1}, %{a: 2}, %{b: 1}, %{a: 1, b: 1}]", Inspect.inspect(maps));
        assertEquals(0, Inspect.compare(1, 1.0));
        assertEquals(0, Inspect.compare(a("nil"), null));
        assertTrue(Inspect.compare(BigInteger.TWO.pow(80), 1.0e20) > 0);
        assertTrue(Inspect.compare(list(), list(1)) < 0);
        assertTrue(Inspect.compare(tup(9), tup(1, 1)) < 0);
    }

    /** Stands for a Groovy IntRange: a List the shell wants printed as {@code 1..10}. */
    private static final class IntRangeLike extends AbstractList<Integer> {
        final int from;
        final int to;

        IntRangeLike(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Integer get(int index) {
            return from + index;
        }

        @Override
        public int size() {
            return to - from + 1;
        }
    }
}
