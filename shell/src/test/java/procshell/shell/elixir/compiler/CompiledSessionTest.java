package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Inputs run one after another in one session, as typed at the prompt: variables and modules
 * live on, a module's self-call in tail position loops in constant stack, errors print as iex
 * prints them.
 */
class CompiledSessionTest {
    /** What each input prints, run in order in one session. */
    private static List<String> run(String... inputs) {
        List<Object> quoted = ElixirOracle.quote(List.of(inputs));
        List<String> out = new ArrayList<>();
        try (CompiledSession s = new CompiledSession()) {
            for (Object q : quoted) out.add(s.eval(q));
        }
        return out;
    }

    @Test
    void variablesLiveOnBetweenInputs() {
        assertEquals(List.of("1", "2", "3", "{1, 3}"),
                run("x = 1", "f = fn -> x end; x + 1", "x = 3", "{f.(), x}"));
    }

    @Test
    void aProcessLoopRunsInConstantStack() {
        List<String> out = run("""
                defmodule Summer do
                  def loop(s), do: receive(do: (:stop -> s; m -> loop(s + m)))
                end""",
                "for _ <- 1..100_000, do: send(self(), 1); send(self(), :stop); :sent",
                "Summer.loop(0)");
        assertEquals(List.of(":sent", "100000"), out.subList(1, 3));
    }

    @Test
    void aRedefinedModuleAnswersWithItsNewFunctions() {
        List<String> out = run("defmodule Redo do def f, do: 1 end", "Redo.f()", "defmodule Redo do def f, do: 2 end", "Redo.f()");
        assertEquals(List.of("1", "2"), List.of(out.get(1), out.get(3)));
        assertEquals("{:module, Redo, <<...>>, {:f, 0}}", out.get(0).replaceAll("(?s)<<[^>]*>>", "<<...>>").replaceAll("\\s+", " "));
    }

    @Test
    void functionClauseErrorListsTheArguments() {
        List<String> out = run("defmodule Fc do def f(:a), do: 1 end", "Fc.f(:b)");
        assertEquals("""
                ** (FunctionClauseError) no function clause matching in Fc.f/1   \s
                   \s
                    The following arguments were given to Fc.f/1:
                   \s
                        # 1
                        :b
                   \s
                    iex:1: Fc.f/1""", out.get(1));
    }

    @Test
    void genServerModuleRunsItsCallbacks() {
        List<String> out = run("""
                defmodule Counter do
                  use GenServer
                  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
                  def bump, do: GenServer.call(__MODULE__, :bump)
                  @impl true
                  def init(n), do: {:ok, n}
                  @impl true
                  def handle_call(:bump, _from, n), do: {:reply, n + 1, n + 1}
                end""",
                "{:ok, _} = Counter.start_link(10); :started", "Counter.bump()", "Counter.bump()");
        assertEquals(List.of(":started", "11", "12"), out.subList(1, 4));
    }

    @Test
    void framesOfCompiledCodeNameTheLinesAndFunctionsAsTyped() {
        List<String> out = run("""
                defmodule Boom do
                  def f(x) do
                    x + :a
                  end
                  def g(l), do: Enum.map(l, fn y -> {:ok} = y end)
                end""", "Boom.f(1)", "Boom.g([1])");
        assertEquals("""
                ** (ArithmeticError) bad argument in arithmetic expression: 1 + :a
                    :erlang.+(1, :a)
                    iex:3: Boom.f/1""", out.get(1));
        assertEquals("** (MatchError) no match of right hand side value: 1\n    iex:5: anonymous fn/1 in Boom.g/1",
                String.join("\n", out.get(2).lines().limit(2).toList()));
    }

    @Test
    void structsAreBuiltMatchedAndPrintedAsElixirs() {
        assertEquals(List.of("%Pt{x: 1, y: 0}", "7", "%Pt{x: 1, y: 5}"),
                run("defmodule Pt do defstruct x: 0, y: 0 end", "%Pt{x: 1}", "%Pt{x: x} = %Pt{x: 7}; x", "p = %Pt{x: 1}; %{p | y: 5}")
                        .subList(1, 4));
    }
}
