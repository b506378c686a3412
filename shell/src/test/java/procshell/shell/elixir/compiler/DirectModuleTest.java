package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * Modules defined without Groovy ({@link DirectModule}) behave as the modules the compiler makes:
 * a corpus of module definitions and the calls into them prints the same, values and errors
 * (with their stack frames), run once with every input compiled onto Groovy and once as the shell
 * runs them (direct where the direct path takes the input); the module definitions the direct
 * path should take are taken, and the ones it should leave to the compiler are left.
 */
@Timeout(180)
class DirectModuleTest {
    /** Inputs in order; each {@code defmodule} here is one the direct path takes. */
    private static final List<String> CORPUS = List.of(
            // clauses, guards, defaults, private functions, calls between them
            "defmodule Hello do\n  def f(x) when x > 0, do: x + :a\n  def g(x, y \\\\ 2), do: {x, y}\n  defp h(x), do: x * 2\n"
                    + "  def k(x), do: h(x) + 1\nend",
            "Hello.f(1)", "Hello.f(0)", "Hello.g(1)", "Hello.g(1, 3)", "Hello.k(3)", "Hello.h(3)", "function_exported?(Hello, :g, 1)",
            "function_exported?(Hello, :h, 1)", "apply(Hello, :k, [1])", "f = &Hello.k/1", "f.(2)", "Enum.map([1, 2], &Hello.g/1)",
            "Hello.nope()",
            // a redefinition, and bodies of several lines (the line of an error is the line of the call that raised)
            "defmodule Hello do\n  def f(x) do\n    y = x * 2\n    z = y + 1\n    Map.fetch!(%{}, z)\n  end\n"
                    + "  def g(list) do\n    Enum.map(list, fn\n      n when n > 0 -> n + 1\n    end)\n  end\nend",
            "Hello.f(1)", "Hello.g([1, 2])", "Hello.g([0])",
            // attributes
            "defmodule Attrs do\n  @moduledoc \"Attributes.\"\n  @limit 10\n  @doc \"Limit.\"\n  def limit, do: @limit\n  @limit 20\n"
                    + "  def limit2, do: @limit\n  @names [:a, :b]\n  def names, do: @names\n  def missing, do: @nothing\n"
                    + "  def small?(n) when n < @limit, do: true\n  def small?(_), do: false\nend",
            "{Attrs.limit(), Attrs.limit2(), Attrs.names(), Attrs.missing()}", "{Attrs.small?(5), Attrs.small?(50)}",
            // tail calls loop; multi-clause with patterns
            "defmodule Loop do\n  def loop(0, acc), do: acc\n  def loop(n, acc), do: loop(n - 1, acc + n)\n"
                    + "  def count([], n), do: n\n  def count([_ | t], n), do: t |> count(n + 1)\n"
                    + "  def until(n) do\n    if n > 5 do\n      n\n    else\n      until(n + 1)\n    end\n  end\nend",
            "Loop.loop(100_000, 0)", "Loop.count([1, 2, 3], 0)", "Loop.until(0)", "Loop.loop(:a, 0)",
            // structs, aliases, imports, __MODULE__
            "defmodule Shop.Item do\n  defstruct name: nil, price: 0\n  alias Shop.Item\n  def new(name), do: %Item{name: name}\n"
                    + "  def price(%Item{price: p}), do: p\n  def me, do: __MODULE__\n  def again(n), do: __MODULE__.new(n)\nend",
            "defmodule Shop.Cart do\n  defstruct items: [], total: 0\n  def add(%Shop.Cart{} = c, p), do: %Shop.Cart{c | items: [p | c.items], total: c.total + p}\n"
                    + "  def bump(m), do: %{m | count: m.count + 1}\n  def bad(m), do: %{m | nope: 1}\nend",
            "Shop.Cart.add(%Shop.Cart{}, 3)", "Shop.Cart.bump(%{count: 1})", "Shop.Cart.bad(%{a: 1})", "Shop.Cart.bump(5)",
            "Shop.Item.new(\"pen\")", "Shop.Item.price(Shop.Item.new(\"pen\"))", "Shop.Item.me()", "Shop.Item.again(\"x\").name",
            "%Shop.Item{}", "Shop.Item.price(%{})",
            "defmodule Util do\n  import Enum, only: [map: 2, sum: 1]\n  require Logger\n  alias String, as: S\n  def up(l), do: map(l, &S.upcase/1)\n"
                    + "  def total(l), do: sum(l)\nend",
            "Util.up([\"a\", \"b\"])", "Util.total([1, 2])",
            // rescue in a def, try, raise
            "defmodule Safe do\n  def run(f) do\n    f.()\n  rescue\n    e in ArgumentError -> {:error, e.message}\n  end\n"
                    + "  def boom, do: raise(\"boom\")\n  def boom2 do\n    :ok\n    raise ArgumentError, \"bad\"\n  end\nend",
            "Safe.run(fn -> raise ArgumentError, \"no\" end)", "Safe.run(fn -> :fine end)", "Safe.boom()", "Safe.boom2()",
            // GenServer, with Elixir's default callbacks
            "defmodule Counter do\n  use GenServer\n  @impl true\n  def init(n), do: {:ok, n}\n  @impl true\n"
                    + "  def handle_call(:get, _from, n), do: {:reply, n, n}\n  @impl true\n  def handle_cast(:inc, n), do: {:noreply, n + 1}\n"
                    + "  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)\nend",
            "Counter.child_spec(5)", "{:ok, pid} = Counter.start_link(1)", "GenServer.cast(Counter, :inc)", "GenServer.call(Counter, :get)",
            "function_exported?(Counter, :handle_info, 2)", "Counter.code_change(1, :s, 2)", "Counter.terminate(:normal, 1)",
            "GenServer.stop(Counter)",
            "defmodule Sup do\n  use Supervisor\n  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)\n"
                    + "  def init(_), do: Supervisor.init([{Counter, 3}], strategy: :one_for_one)\nend",
            "Sup.child_spec([])", "{:ok, sup} = Sup.start_link([])", "GenServer.call(Counter, :get)", "Supervisor.which_children(Sup) |> length()",
            "Supervisor.stop(Sup)",
            "defmodule Store do\n  use Agent\n  def start_link(v), do: Agent.start_link(fn -> v end, name: __MODULE__)\n"
                    + "  def get, do: Agent.get(__MODULE__, & &1)\nend",
            "Store.child_spec(1)", "Store.start_link(7) |> elem(0)", "Store.get()", "Agent.stop(Store)",
            "defmodule Job do\n  use Task, restart: :transient\n  def start_link(arg), do: Task.start_link(fn -> arg end)\nend", "Job.child_spec(:x)",
            // the module body's own expressions
            "defmodule Body do\n  x = 1 + 1\n  def f, do: :f\n  Enum.sum([1, 2])\nend", "Body.f()",
            "defmodule Empty do\nend",
            // recursion other than a self tail call: compiled calls, one JVM frame per level
            "defmodule Deep do\n  def f(0), do: 0\n  def f(n), do: 1 + f(n - 1)\nend", "Deep.f(100_000)",
            "defmodule Mutual do\n  def even?(0), do: true\n  def even?(n), do: odd?(n - 1)\n  def odd?(0), do: false\n  def odd?(n), do: even?(n - 1)\nend",
            "{Mutual.even?(10_001), Mutual.odd?(10_001)}",
            "defmodule Lists do\n  def sum([]), do: 0\n  def sum([h | t]), do: h + sum(t)\n  def double([]), do: []\n"
                    + "  def double([h | t]), do: [h * 2 | double(t)]\n  def fib(n) when n < 2, do: n\n  def fib(n), do: fib(n - 1) + fib(n - 2)\n"
                    + "  def sign(n) do\n    cond do\n      n < 0 -> :neg\n      n == 0 -> :zero\n      true -> sign(n - 1)\n    end\n  end\n"
                    + "  def classify({:ok, v}) do\n    case v do\n      [] -> :empty\n      [_ | rest] -> {:more, length(rest)}\n      _ -> :other\n    end\n  end\nend",
            "Lists.sum(Enum.to_list(1..100_000))", "Lists.double([1, 2, 3])", "Lists.fib(15)", "Lists.sign(3)",
            "Lists.classify({:ok, [1, 2]})", "Lists.classify({:ok, []})", "Lists.classify({:ok, 5})", "Lists.classify(:error)",
            "Lists.sum([1, :a])", "Lists.double(:x)");

    /** Module definitions the compiler keeps (and reports the errors of). */
    private static final List<String> COMPILED = List.of(
            "defmodule Walk do\n  def walk(l) when is_list(l), do: with(x <- l, do: Enum.map(x, fn y -> walk(y) end))\n  def walk(x), do: x\nend",
            "defmodule Outer do\n  defmodule Inner do\n    def f, do: 1\n  end\nend",
            "defmodule Mac do\n  defmacro m(x), do: x\nend",
            "defmodule Undef do\n  def f, do: nope(1)\nend",
            "defmodule Head do\n  def f(a \\\\ 1)\nend");

    @Test
    void modulesDefinedDirectlyPrintWhatCompiledOnesPrint() {
        List<String> compiled = new ArrayList<>();
        try (CompiledSession s = new CompiledSession()) {
            for (String input : CORPUS) compiled.add(masked(s.eval(ElixirReader.read(input, "iex"))));
        }
        List<String> direct = new ArrayList<>();
        try (CompiledSession s = new CompiledSession(true)) {
            for (String input : CORPUS) direct.add(masked(s.eval(ElixirReader.read(input, "iex"))));
        }
        for (int i = 0; i < CORPUS.size(); i++) assertEquals(compiled.get(i), direct.get(i), "input: " + CORPUS.get(i));
    }

    @Test
    void theCorpusModulesAreTakenDirectly() {
        for (String input : CORPUS) {
            if (input.startsWith("defmodule")) assertNotNull(DirectInput.plan(ElixirReader.read(input, "iex"), Set.of()), input);
        }
    }

    @Test
    void otherModulesAreLeftToTheCompiler() {
        for (String input : COMPILED) assertNull(DirectInput.plan(ElixirReader.read(input, "iex"), Set.of()), input);
        assertTrue(DirectModule.fallbacks().containsKey("recursion"), DirectModule.fallbacks().toString());
        // a recursion of compiled calls is taken
        assertNotNull(DirectInput.plan(ElixirReader.read("defmodule Deep do\n  def f(0), do: 0\n  def f(n), do: 1 + f(n - 1)\nend", "iex"), Set.of()));
    }

    @Test
    void anErrorNamesTheModulesFunctionAndTheLineOfTheCall() {
        List<String> out = new ArrayList<>();
        try (CompiledSession s = new CompiledSession(true)) {
            for (String input : List.of("defmodule Lines do\n  def f(x) do\n    y = x * 2\n    y + :a\n  end\n"
                    + "  def g(l), do: Enum.map(l, fn n ->\n    n + :b\n  end)\nend", "Lines.f(1)", "Lines.g([1])", "Lines.f()")) {
                out.add(s.eval(ElixirReader.read(input, "iex")));
            }
        }
        assertEquals("** (ArithmeticError) bad argument in arithmetic expression: 2 + :a\n    :erlang.+(2, :a)\n    iex:4: Lines.f/1",
                out.get(1).strip());
        // the line of the call the fn was given to (the compiled module names a line of an earlier function here)
        assertEquals("** (ArithmeticError) bad argument in arithmetic expression: 1 + :b\n    :erlang.+(1, :b)\n"
                + "    iex:7: anonymous fn/1 in Lines.g/1\n    iex:6: Lines.g/1", out.get(2).strip());
        assertEquals("** (UndefinedFunctionError) function Lines.f/0 is undefined or private. Did you mean:\n\n      * f/1\n\n    Lines.f()",
                out.get(3).strip());
    }

    /** The study notes' code runs the same with its modules defined directly as compiled. */
    @ParameterizedTest
    @ValueSource(strings = {"000-chat-rooms-and-a-home-made-registry", "001-1-remember-the-pid", "001-2-module-name-as-local-alias",
            "001-3-dynamic-atoms-are-bad", "001-4-registry-and-via-tuple", "002-secret-server-registry"})
    void theStudyNotesRunTheSameWithDirectModules(String seed) throws IOException {
        Path seeds = Path.of("/work/shared/seeds/code");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "the study notes' code is not on this machine");
        Object quoted = ElixirOracle.quote(List.of(Files.readString(seeds.resolve(seed + ".exs")))).get(0);
        List<String> compiled = new ArrayList<>();
        try (CompiledSession s = new CompiledSession()) {
            for (Object expr : Quoted.exprs(quoted)) compiled.add(seedOutput(expr, s));
        }
        List<String> direct = new ArrayList<>();
        int modules = 0;
        try (CompiledSession s = new CompiledSession(true)) {
            for (Object expr : Quoted.exprs(quoted)) {
                int before = s.direct;
                direct.add(seedOutput(expr, s));
                if (Quoted.isCall(expr, "defmodule")) {
                    modules++;
                    assertEquals(before + 1, s.direct, "taken directly: " + procshell.shell.iex.Kernel.inspect(expr));
                }
            }
        }
        assertTrue(modules > 0 || !Files.readString(seeds.resolve(seed + ".exs")).contains("defmodule"));
        assertEquals(String.join("\n", compiled), String.join("\n", direct));
    }

    /** An input's output; the atom table's size is the node's own (only its growth compares, and a compiled input interns more). */
    private static String seedOutput(Object expr, CompiledSession s) {
        String out = masked(s.eval(expr));
        return procshell.shell.iex.Kernel.inspect(expr).contains("atom_count") ? "ATOMS" : out;
    }

    /** What two runs may print differently: a module's bytes, a fn's identity, a pid's or a reference's number, the atom count. */
    private static String masked(String printed) {
        return printed.replaceAll("(?s)\\s*<<[^>]*>>,\\s*", " <<>>, ").replaceAll("#Function<[^>]*>", "#Function<>").replaceAll("#PID<[0-9.]+>", "#PID<>")
                .replaceAll("#Reference<[0-9.]+>", "#Reference<>").replaceAll("(?m)^1[0-9]{4}$", "ATOMS");
    }
}
