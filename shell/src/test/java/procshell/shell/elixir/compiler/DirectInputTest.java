package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Node;
import procshell.shell.elixir.reader.ElixirReader;
import procshell.shell.iex.IexSession;
import procshell.shell.inspect.ErrorFormatter;

/**
 * Inputs evaluated straight from their quoted form ({@link DirectInput}) print what the same
 * inputs compiled onto Groovy print ({@link CompiledSession}), values and errors alike, with the
 * variables they bind carried to later inputs; the forms the direct path does not take are left
 * to the compiler.
 */
@Timeout(120) // each test evaluates its corpus twice, one way compiling ~100 inputs
class DirectInputTest {
    /** Inputs in order (later ones read what earlier ones bound), each one the direct path takes. */
    private static final List<String> DIRECT = List.of(
            "1 + 1", "x = [1, 2, 3]", "Enum.sum(x)", "y = x ++ [4]", "\"a#{length(y)}b\"", "%{a: 1, b: [x]}",
            "Kernel.+(1, 2)", "1 + :a", "raise \"boom\"", "raise ArgumentError, \"bad\"", "throw :x", "-5 - 1", "-2.5",
            "2147483647 + 1", "9223372036854775807", "12345678901234567890", ":a and :b", "true and 1", "false or nil",
            "nil && 1", "1 || raise \"no\"", "x |> length()",
            "x |> Enum.reverse() |> hd()", "String.upcase(\"abc\") <> \"d\"", "Process.alive?(self())", "m = %{k: 1}", "m.k",
            "m.nope", "m[:k]", "Map.get(m, :k)", "Map.fetch!(m, :nope)", "{1, 2}", "{1, 2, 3}", "[1 | [2]]", "[0, 1 | x]",
            "elem({1, 2}, 5)", "hd([])", "length(5)", "Foo.bar(1)", ":erlang.binary_to_atom(\"abc\")", "z = 5; z + 1", "z",
            "x = x ++ x", "x", "Keyword.get([a: 1, b: 2], :b)", "1..3",
            "is_atom(Foo.Bar)", "Foo.Bar", "Integer.to_string(42)", "\"#{1}#{:a}\" <> \"!\"", "1 in [1, 2]", "not true", "!nil",
            "x == [1, 2, 3]", "{1, nil}", "[nil, {nil, 2}] == [nil, {nil, 2}]", "%{a: nil}", "1 / 0", "10 / 4", "div(7, 2)", "rem(-7, 2)", "tuple_size({1, 2})", "is_list(x)",
            "double = fn n -> n * 2 end", "double.(21)", "Enum.map(x, fn n -> n + z end)", "Enum.reduce(1..10, 0, fn n, acc -> n + acc end)",
            "is_function(double, 1)", "mul = fn a, b -> a * b end", "mul.(6, 7)", "mul.(1)", "fn _, _ -> :ignored end.(1, 2)",
            "fn -> y = 5; y * 2 end.()", "y", "Enum.map([1, :a], fn n -> n + 1 end)", "f = fn n -> raise \"n: #{n}\" end", "f.(3)",
            "Task.await(Task.async(fn -> 21 * 2 end))", "Agent.start_link(fn -> 0 end) |> elem(0)",
            "if length(x) > 2, do: :long, else: :short", "if nil, do: 1", "unless false, do: :yes", "unless 0, do: :no, else: :else",
            "if true do\n  w = 1\n  w + 1\nend", "if x == [] do\n  :empty\nelse\n  hd(x)\nend", "if :a + 1, do: 2",
            "~s(a\\tb)", "~S(a\\tb)", "~w(a b c)a", "~w(x y)c", "~c(hi)", "~r/a\\/b/i", "Regex.run(~r/(\\d+)/, \"a12\")",
            "String.split(\"a b\", ~r/\\s/)", "~r/(/", "exit(:normal)");

    /**
     * Inputs with patterns and control flow, in order, each one the direct path takes: both paths run the
     * pattern steps {@link PatternCompiler} plans, and raise the same errors.
     */
    private static final List<String> CONTROL = List.of(
            "x = [1, 2, 3]",
            // patterns
            "{:ok, a} = {:ok, 1}", "a", "[h | t] = [1, 2, 3]", "{h, t}", "%{k: v} = %{k: 2, j: 3}", "v", "{:ok, a} = {:error, 1}", "a",
            "[_, second | _] = [1, 2, 3]; second", "\"he\" <> rest = \"hello\"", "rest", "^a = 1", "^a = 2", "{b, b} = {1, 1}",
            "{b, b} = {1, 2}", "{:ok, pid} = Agent.start_link(fn -> 0 end)", "is_pid(pid)", "%{^a => found} = %{1 => :one}", "found",
            "_ = 5", "{x1, _} = {1.0, 2}", "1 = 1.0", "[1, 2] = [1]", "%{a: 1} = [a: 1]", "{_, {c, [d]}} = {0, {:c, [:d]}}; {c, d}",
            "%URI{host: host} = URI.parse(\"http://example.com/x\"); host", "Foo.Bar = Foo.Bar",
            // case
            "case x do\n  [a | _] -> a\n  [] -> :empty\nend", "a", "case {1, 2} do\n  {a, b} when a > b -> :gt\n  {a, b} when a < b -> :lt\nend",
            "case 5 do\n  1 -> :a\nend", "case :x do\n  y -> y\nend", "case 1 do\n  n when hd(n) -> :bad\n  _ -> :guard_raised\nend",
            "case [1] do\n  [n] = all -> {n, all}\nend", "case 2 do\n  n when n == 1 when n == 2 -> :either\nend",
            // fns of several clauses, with patterns and guards
            "g = fn\n  0 -> :zero\n  n when n > 0 -> :pos\nend", "g.(0)", "g.(5)", "g.(-1)", "fn {a, b} -> a + b end.({1, 2})",
            "fn a, a -> a end.(1, 1)", "fn a, a -> a end.(1, 2)", "Enum.map([{1, 2}, {3, 4}], fn {a, b} -> a * b end)",
            "fn _a -> :ignored end.(1)", "Stream.unfold(2, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list()", "case 1 do\n  1 -> nil\nend", "Enum.map([1, 2], fn 1 -> :one end)", "k = fn {:ok, v} -> v end", "k.(:error)",
            // cond
            "cond do\n  1 > 2 -> :no\n  true -> :yes\nend", "cond do\n  false -> 1\nend", "cond do\n  hd([]) -> 1\nend",
            // with
            "with {:ok, v} <- {:ok, 1}, w = v + 1, {:ok, u} <- {:ok, w} do\n  u\nend", "with {:ok, v} <- {:error, 1} do\n  v\nend",
            "with {:ok, v} <- :x do\n  v\nelse\n  :y -> 1\nend", "with {:ok, v} <- :y do\n  v\nelse\n  :y -> :handled\nend",
            "with {:ok, v} when v > 5 <- {:ok, 1}, do: v",
            // for
            "for n <- 1..10, rem(n, 2) == 0, do: n * n", "for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k}",
            "for x <- [1, 2], y <- [:a, :b], do: {x, y}", "for x <- [1, 1, 2], uniq: true, do: x",
            "for x <- [1, 2, 3], reduce: 0 do\n  acc -> acc + x\nend", "for {:ok, v} <- [{:ok, 1}, :err, {:ok, 2}], do: v",
            "for x when x > 1 <- [1, 2, 3], do: x", "for x <- [1, 2], reduce: 0 do\n  1 -> 1\nend", "for x <- 5, do: x",
            "fs = for n <- [1, 2], do: fn -> n end", "Enum.map(fs, fn f -> f.() end)",
            // try
            "try do\n  raise \"boom\"\nrescue\n  e in RuntimeError -> e.message\nend", "try do\n  throw :ball\ncatch\n  v -> {:caught, v}\nend",
            "try do\n  exit(:bye)\ncatch\n  :exit, r -> r\nend", "try do\n  1 + :a\nrescue\n  ArithmeticError -> :arith\nend",
            "try do\n  :ok\nafter\n  :ignored\nend", "try do\n  1\nelse\n  2 -> 3\nend", "try do\n  1\nelse\n  1 -> :one\nend",
            "try do\n  raise \"x\"\nrescue\n  ArgumentError -> :no\nend", "try do\n  hd([])\nrescue\n  e -> e\nend",
            "try do\n  throw 1\ncatch\n  :throw, 2 -> :two\nend", "try do\n  :erlang.error(:oops)\ncatch\n  kind, value -> {kind, value}\nend",
            // receive
            "send(self(), {:hello, 1})", "receive do\n  {:hello, n} -> n\nend", "receive do\n  m -> m\nafter\n  0 -> :none\nend",
            "send(self(), :a); receive do\n  :b -> 1\nafter\n  10 -> :timeout\nend", "receive do\n  :a -> :got_a\nend",
            "send(self(), 5); receive do\n  n when n > 10 -> :big\n  n when is_integer(n) -> {:small, n}\nend",
            "receive do\nafter\n  :bad -> 1\nend",
            // captures
            "Enum.map([1, 2], &(&1 * 2))", "Enum.map([[1], [2, 3]], &length/1)", "f2 = &Enum.sum/1", "f2.([1, 2])",
            "Enum.map([1], &(&1 + hd(x)))", "(&(&1 + &2)).(1, 2)", "Enum.map([1, 2], &Integer.to_string/1)",
            // match?
            "match?({:ok, _}, {:ok, 1})", "match?([_ | _], [])", "match?(n when n > 1, 2)",
            // a loop the direct path runs still stops when its process is killed (a reduction per step)
            "busy = spawn(fn -> for _ <- 1..1_000_000_000, reduce: 0 do\n  acc -> acc + 1\nend end)", "ref = Process.monitor(busy)",
            "Process.exit(busy, :kill)", "receive do\n  {:DOWN, ^ref, :process, _, reason} -> reason\nend");

    /** Inputs the compiler keeps: functions, control flow, patterns, modules, names that are no variable. */
    private static final List<String> COMPILED = List.of(
            "if true do\n  w = 1\nend\nw", "if 1, 2", "defmodule Foo do\n  defmacro m, do: 1\nend", "%{m | a: 1}", "undefined_fun(1)", "self", "unbound_name",
            "alias Foo.Bar", "import Enum", "~w(a #{1})", "&undefined_fun/1", "&(:ok)", "h Enum", "__MODULE__.foo()", "%URI{}", "^y = 1",
            "case 1 do\nend", "<<a, _::binary>> = \"ab\"", "fn\n  1 -> :a\n  1, 2 -> :b\nend", "{a, ^nope} = {1, 2}", "%{k => 1} = %{}");

    @Test
    void directInputsPrintWhatTheCompiledOnesPrint() {
        List<String> direct = run(DIRECT, true);
        List<String> compiled = run(DIRECT, false);
        for (int i = 0; i < DIRECT.size(); i++) assertEquals(masked(compiled.get(i)), masked(direct.get(i)), "input: " + DIRECT.get(i));
    }

    @Test
    void patternsAndControlFlowPrintWhatTheCompiledOnesPrint() {
        List<String> direct = run(CONTROL, true);
        List<String> compiled = run(CONTROL, false);
        for (int i = 0; i < CONTROL.size(); i++) assertEquals(masked(compiled.get(i)), masked(direct.get(i)), "input: " + CONTROL.get(i));
    }

    @Test
    void failedMatchesPrintWhatIexPrints() {
        List<String> inputs = List.of("{:ok, a} = {:error, 1}", "case 5 do\n  1 -> :a\nend", "f = fn 1 -> :a; {x} when x > 0 -> x end", "f.(2)",
                "f.({3})", "with {:ok, v} <- {:ok, 1}, {:ok, w} <- {:error, v} do\n  w\nend", "cond do\n  false -> 1\nend",
                "try do\n  1\nelse\n  2 -> 3\nend", "with {:ok, v} <- :x do\n  v\nelse\n  :y -> 1\nend");
        List<String> expected = List.of("** (MatchError) no match of right hand side value: {:error, 1}", "** (CaseClauseError) no case clause matching: 5",
                "#Function<42.3316493/1 in :erl_eval.expr/6>", """
                ** (FunctionClauseError) no function clause matching in :erl_eval."-inside-an-interpreted-fun-"/1

                    The following arguments were given to :erl_eval."-inside-an-interpreted-fun-"/1:

                        # 1
                        2""", "3", "{:error, 1}", "** (CondClauseError) no cond clause evaluated to a truthy value",
                "** (TryClauseError) no try clause matching: 1", "** (WithClauseError) no with clause matching: :x");
        List<String> got = run(inputs, true);
        for (int i = 0; i < inputs.size(); i++) {
            String printed = masked(got.get(i)).strip().replaceAll("(?m)[ \\t]+$", "");
            assertEquals(expected.get(i), printed, "input: " + inputs.get(i));
        }
    }

    @Test
    void directInputsPrintWhatIexPrints() {
        List<String> inputs = List.of("1 + 1", "x = [1, 2, 3]", "y = x ++ [4]", "\"a#{length(y)}b\"", "-5 - 1", "9223372036854775807 + 1",
                "true and 1", "nil && 1", "{1, 2, 3}", "[0, 1 | x]", "z = 5; z + 1", "1 + :a", "raise \"boom\"");
        List<String> expected = List.of("2", "[1, 2, 3]", "[1, 2, 3, 4]", "\"a4b\"", "-6", "9223372036854775808", "1", "nil",
                "{1, 2, 3}", "[0, 1, 1, 2, 3]", "6", "** (ArithmeticError) bad argument in arithmetic expression: 1 + :a\n    :erlang.+(1, :a)",
                "** (RuntimeError) boom");
        List<String> got = run(inputs, true);
        for (int i = 0; i < inputs.size(); i++) assertEquals(expected.get(i), got.get(i).strip(), "input: " + inputs.get(i));
    }

    @Test
    void otherFormsAreLeftToTheCompiler() {
        Set<String> bound = Set.of("x");
        for (String input : COMPILED) assertNull(DirectInput.plan(ElixirReader.read(input, "iex"), bound), input);
        assertNotNull(DirectInput.plan(ElixirReader.read("x + 1", "iex"), bound));
        assertNull(DirectInput.plan(ElixirReader.read("x + 1", "iex"), Set.of()), "an unbound name is the compiler's");
    }

    /** What two runs may print differently: a pid's or a reference's number. */
    private static String masked(String printed) {
        return printed.replaceAll("#PID<[0-9.]+>", "#PID<…>").replaceAll("#Reference<[0-9.]+>", "#Reference<…>");
    }

    /** What each input prints, evaluated in order in one session, directly or compiled. */
    private static List<String> run(List<String> inputs, boolean direct) {
        List<String> out = new ArrayList<>();
        if (!direct) {
            try (CompiledSession s = new CompiledSession()) {
                for (String input : inputs) out.add(s.eval(ElixirReader.read(input, "iex")));
            }
            return out;
        }
        try (DirectSession s = new DirectSession()) {
            for (String input : inputs) out.add(s.eval(input));
        }
        return out;
    }

    /** As {@link CompiledSession}, each input evaluated by {@link DirectInput} (failing when it would not take it). */
    private static final class DirectSession implements AutoCloseable {
        private record Job(String source, CompletableFuture<String> out) {}

        private final Node node = new Node();
        private final Map<String, Object> variables = new HashMap<>();
        private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();

        DirectSession() {
            procshell.shell.inspect.ShellTerms.install();
            node.spawn(self -> {
                while (true) {
                    Job job;
                    try {
                        job = jobs.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    job.out().complete(run(job.source()));
                }
            });
        }

        private String run(String source) {
            DirectInput in = DirectInput.plan(ElixirReader.read(source, "iex"), variables.keySet());
            if (in == null) return "not taken directly: " + source;
            try {
                return IexSession.of(node).inspect(in.run(DirectInput.Variables.in(variables)));
            } catch (Throwable t) {
                return ErrorFormatter.format(t);
            }
        }

        String eval(String source) {
            CompletableFuture<String> out = new CompletableFuture<>();
            jobs.add(new Job(source, out));
            return out.join();
        }

        @Override
        public void close() {
            node.shutdown();
        }
    }
}
