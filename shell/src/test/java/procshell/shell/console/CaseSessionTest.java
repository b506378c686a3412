package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code case subject do ... end} typed at the prompt, against iex's ({@code iex-reference/case.txt}):
 * clauses on one line and over several, guards, pins, list and map patterns, nested cases, a case
 * in a fn and in a receive clause, no matching clause ({@code CaseClauseError}) and malformed
 * cases that fail as iex's do while the bindings stay.
 */
@Timeout(30)
class CaseSessionTest {

    /** iex's inputs in order, so that the prompt counters in the error messages are iex's. */
    @Test
    void clausesGuardsPinsNestingAndMalformedCasesKeepingTheBindings() {
        String multiLine = "case {:ok, 7} do\n  {:ok, n} when n > 5 -> n * 2\n  {:ok, n} -> n\nend";
        String noMatch = "case 1 do\n  2 -> 3\nend";
        String parity = "g = fn n ->\n  case rem(n, 2) do\n    0 -> :even\n    _ -> :odd\n  end\nend";
        IexSessionCheck.against("case.txt")
                .same("case {:ok, 1} do {:ok, x} -> x end")
                .same("case {:error, 2} do {:ok, x} -> x end")
                // the prompt counters differ from the transcript's here; the CompileErrors and their compiler stack lines are iex's
                .instead("case 1 do end",
                        "** (CompileError) iex:2: expected -> clauses for :do in \"case\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3")
                .instead("case 1 do x end",
                        "** (CompileError) iex:2: expected -> clauses for :do in \"case\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3")
                .same(noMatch)
                .same("x = 5")
                .same("case 5 do ^x -> :pinned; _ -> :no end")
                .instead("case 1 do 1 -> 2 after 3 -> 4 end",
                        "** (CompileError) iex:4: unexpected option :after in \"case\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3", "    (stdlib 4.2) lists.erl:1463: :lists.mapfoldl_1/3")
                .same(multiLine)
                // a fn prints differently; the counter moves as iex's
                .extra("f = fn v -> case v do {:a, y} -> y; _ -> :other end end; :ok", ":ok")
                .same("f.({:a, 3})")
                .same("f.(:z)")
                .same("send(self(), {:m, 4})")
                .same("receive do {:m, v} -> case v do 4 -> :four; _ -> :other end end")
                .instead("case 1 do a, b -> 1 end",
                        "** (CompileError) iex:10: expected one argument for :do clauses (->) in \"case\"", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3", "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3")
                .same("case 1 do :a -> 1 :b -> 2 end")
                .same("x")
                .same("case [1, 2] do [h | t] -> {h, t} end")
                .same("case %{id: 1} do %{id: i} -> i end")
                .same("case x do y -> case y do 5 -> :nested end end")
                .same("r = case {:ok, 2} do {:ok, v} -> v + 1; :error -> 0 end")
                .same("r")
                .extra(parity + "; :ok", ":ok")
                .same("g.(3)")
                // the clauses' x shadows the fn's parameter x, in the guard too
                .extra("h = fn x -> case x do x when is_atom(x) -> {:atom, x}; x -> {:other, x} end end; :ok", ":ok")
                .same("h.(:a)")
                .same("h.(1)")
                .check();
    }
}
