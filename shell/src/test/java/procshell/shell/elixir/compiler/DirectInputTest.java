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
@Timeout(60)
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
            "if true do\n  w = 1\n  w + 1\nend", "if x == [] do\n  :empty\nelse\n  hd(x)\nend", "if :a + 1, do: 2", "exit(:normal)");

    /** Inputs the compiler keeps: functions, control flow, patterns, modules, names that are no variable. */
    private static final List<String> COMPILED = List.of(
            "fn a when a > 0 -> a end", "if true do\n  w = 1\nend\nw", "if 1, 2", "fn\n  1 -> :one\n  _ -> :other\nend", "fn {a, b} -> a + b end", "fn a, a -> a end",
            "fn _a -> _a end", "case 1 do\n  1 -> :one\nend", "{:ok, a} = {:ok, 1}", "[a | _] = [1]",
            "defmodule Foo do\nend", "cond do\n  true -> 1\nend", "%{m | a: 1}", "for n <- [1], do: n", "undefined_fun(1)", "self", "unbound_name",
            "alias Foo.Bar", "import Enum", "~w(a b)", "&Enum.sum/1", "receive do\n  m -> m\nafter 0 -> :none\nend", "h Enum",
            "_ = 1", "^x = 1", "__MODULE__.foo()", "%URI{}", "try do\n  1\nrescue\n  _ -> 2\nend");

    @Test
    void directInputsPrintWhatTheCompiledOnesPrint() {
        List<String> direct = run(DIRECT, true);
        List<String> compiled = run(DIRECT, false);
        for (int i = 0; i < DIRECT.size(); i++) assertEquals(masked(compiled.get(i)), masked(direct.get(i)), "input: " + DIRECT.get(i));
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

    /** What two runs may print differently: a fn's identity, a pid's number. */
    private static String masked(String printed) {
        return printed.replaceAll("#Function<[0-9a-f]+/", "#Function<…/").replaceAll("#PID<[0-9.]+>", "#PID<…>");
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
                return IexSession.of(node).inspect(in.run(new DirectInput.Variables() {
                    @Override
                    public Object get(String name) {
                        return variables.get(name);
                    }

                    @Override
                    public void set(String name, Object value) {
                        variables.put(name, value);
                    }
                }));
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
