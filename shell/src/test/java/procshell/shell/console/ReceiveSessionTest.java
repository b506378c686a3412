package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code receive do ... end} typed at the prompt, against iex's ({@code iex-reference/receive.txt}):
 * clauses on one line and over several, selective receive leaving other messages queued (seen
 * with {@code flush()}), guards, pins, {@code after} (also 0 and a variable), a receive in a
 * spawned fn and in a module's process loop, and malformed receives that fail as iex's do while
 * the bindings stay.
 */
@Timeout(30)
class ReceiveSessionTest {

    /** iex's first 17 inputs, in order, so that the prompt counters in the error messages are iex's. */
    @Test
    void clausesSelectiveReceiveAfterAndMalformedReceives() {
        String afterLate = "receive do\n  :a -> 1\n  :b -> 2\nafter\n  10 -> :late\nend";
        IexSessionCheck.against("receive.txt")
                .same("send(self(), :hi)")
                .same("receive do msg -> msg end")
                // the clause's variables live in its body only
                .same("msg")
                .same("receive do msg -> msg after 0 -> :nothing end")
                .same("send(self(), {:a, 1}); send(self(), :b); send(self(), {:a, 2})")
                .same("receive do {:a, x} -> x end")
                .same("flush()")
                .same("send(self(), 3)")
                .same("receive do n when is_integer(n) and n > 2 -> n * 2 end")
                .same(afterLate)
                // the prompt counters differ from the transcript's here; the CompileErrors and their
                // compiler stack lines (lists.erl) are iex's
                .instead("receive do msg end",
                        "** (CompileError) iex:10: expected -> clauses for :do in \"receive\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3")
                .same("receive do :a -> 1 :b -> 2 end")
                .same("receive do after 10 -> :t end")
                // iex shows the frame of its evaluator (:prim_eval.receive/2) under the error
                .instead("receive do msg -> msg after -1 -> :neg end",
                        "** (ErlangError) Erlang error: :timeout_value", "")
                .same("pid = spawn(fn -> receive do msg -> IO.puts(\"got #{msg}\") end end)")
                .same("x = 5")
                .same("send(self(), 5); send(self(), 6)")
                .same("receive do ^x -> :five end")
                .same("receive do ^x -> :five after 0 -> :none end")
                .same("flush()")
                .instead("receive do a, b -> 1 end",
                        "** (CompileError) iex:17: expected one argument for :do clauses (->) in \"receive\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3")
                .instead("receive do after 10 end",
                        "** (CompileError) iex:17: expected a single -> clause for :after in \"receive\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3", "    (stdlib 4.2) lists.erl:1463: :lists.mapfoldl_1/3")
                .same("x")
                .check();
    }

    @Test
    void mapPatternsInMatchesAndInReceive() {
        IexSessionCheck.against("receive.txt")
                .same("%{id: mx} = %{id: 1, name: \"a\"}")
                .same("mx")
                .same("{:ok, %{\"k\" => v2, n: 2}} = {:ok, %{\"k\" => :val, n: 2, other: 3}}")
                .same("v2")
                .same("%{id: 2} = %{id: 1}")
                .same("send(self(), %{type: :ping, from: self()}); send(self(), %{type: :other})")
                .same("receive do %{type: :ping, from: from} -> from == self() end")
                .same("flush()")
                .check();
    }

    @Test
    void headAndTailPatterns() {
        IexSessionCheck.against("receive.txt")
                .same("[h | t] = [1, 2, 3]")
                .same("t")
                .same("[a, b | rest] = [1, 2]")
                .same("rest")
                .same("[_ | _] = []")
                .same("send(self(), [:job, 1, 2]); receive do [:job | args] -> args end")
                .check();
    }

    @Test
    void aClauseVariableShadowsAFnParameter() {
        IexSessionCheck.against("receive.txt")
                // a fn prints differently (#Function<...>). iex also warns first that the parameter is
                // unused ("warning: variable "msg" is unused ..."): the compiler has no unused-variable
                // warnings yet (left in issue 14's closing note), so only the value is compared
                .extra("g = fn msg -> receive do msg -> {:got, msg} after 0 -> :none end end; :ok", ":ok")
                .same("send(self(), :m); g.(1)")
                .check();
    }

    /**
     * A function whose whole body is a receive, each clause calling it again, loops with a flat
     * stack: far more messages than a virtual thread has stack for recursive calls. Clause
     * variables shadow its parameter ({@code {:set, n}}), as in Elixir.
     */
    @Test
    void aSelfCallingReceiveLoopTakesAsManyMessagesAsItIsSent() {
        String tally = """
                defmodule Tally do
                  def loop(n) do
                    receive do
                      :inc -> loop(n + 1)
                      {:set, n} -> loop(n)
                      {:get, from} -> send(from, n); loop(n)
                      :stop -> {:stopped, n}
                    end
                  end
                end""";
        IexSessionCheck.against("loops.txt")
                .same(tally)
                .same("p = spawn(fn -> send(self(), :unused); Tally.loop(0) end); :ok")
                .same("Enum.each(1..20000, fn _ -> send(p, :inc) end); send(p, {:get, self()}); receive do n -> n end")
                .same("send(p, {:set, 7}); send(p, {:get, self()}); receive do n -> n end")
                .check();
    }

    /** The same through a case inside the receive: the self-calls are still tail calls. */
    @Test
    void aLoopThroughACaseInsideAReceiveTakesAsManyMessagesAsItIsSent() {
        String counter = """
                defmodule Counter do
                  def loop(n) do
                    receive do
                      msg ->
                        case msg do
                          :inc -> loop(n + 1)
                          {:get, from} ->
                            send(from, n)
                            loop(n)
                        end
                    end
                  end
                end""";
        IexSessionCheck.against("loops.txt")
                .same(counter)
                .same("p = spawn(fn -> Counter.loop(0) end); :ok")
                .same("Enum.each(1..20000, fn _ -> send(p, :inc) end); send(p, {:get, self()}); receive do n -> n end")
                .check();
    }

    @Test
    void multiLineBodies() {
        String bodies = "receive do\n  _msg ->\n    y = 1\n    y + 2\nafter 0 ->\n  :a\n  :b\nend";
        IexSessionCheck.against("receive.txt")
                .same(bodies)
                .check();
    }

    @Test
    void nestedReceivesBindingAndMatchingTheirResult() {
        String nested = "send(self(), {:x, 4}); send(self(), {:x, 5}); receive do {:x, y} -> receive do {:x, y} -> \"#{y} after #{y}\" after 0 -> :inner end end";
        IexSessionCheck.against("receive.txt")
                // iex first warns that the outer y is unused; the compiler has no unused-variable
                // warnings yet (left in issue 14's closing note), so only the value is compared
                .instead(nested, "\"5 after 5\"")
                .same("send(self(), {:ok, 42})")
                .same("{:ok, v} = receive do m -> m end")
                .same("v")
                .check();
    }

    @Test
    void receiveInsideFunctionsSpawnedProcessesAndAModuleLoop() {
        String pong = "defmodule Pong do\n  def loop() do\n    receive do\n      {:ping, from} -> send(from, :pong); loop()\n"
                + "      :stop -> :stopped\n    end\n  end\nend";
        IexSessionCheck.against("receive.txt")
                // a fn prints differently ({@code #Function<...>}): bound without printing it
                .extra("f = fn -> receive do {:x, y} -> y * 10 end end; :ok", ":ok")
                .same("send(self(), {:x, 4}); f.()")
                .same(pong)
                .same("p = spawn(fn -> Pong.loop() end)")
                .same("send(p, {:ping, self()})")
                .same("receive do :pong -> :got_pong after 1000 -> :no_pong end")
                .same("send(p, :stop)")
                .same("Process.alive?(p)")
                // h(spawn)'s example
                .same("pid = spawn(fn -> receive do msg -> IO.puts(\"got #{msg}\") end end)")
                .same("ref = Process.monitor(pid)")
                .same("send(pid, :hi); receive do {:DOWN, ^ref, :process, _, reason} -> reason end")
                .check();
    }
}
