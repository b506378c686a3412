package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code :erlang}'s process built-ins and what iex 1.14 prints for them, bad arguments included
 * ({@code printf ':erlang.node()\n...\n' | iex}, pids aside).
 */
class ErlangBuiltinsSessionTest {
    @Test
    void theBuiltInsAnswerAsTheBeams() {
        assertEquals(List.of(List.of(":nonode@nohost"), List.of(":nonode@nohost"), List.of("true"), List.of("true"),
                        List.of("true"), List.of("{:status, :running}")),
                PipedSession.outputs(":erlang.node()", ":erlang.node(self())", "length(:erlang.processes()) > 0",
                        "is_list(:erlang.registered())", ":erlang.is_process_alive(self())", ":erlang.process_info(self(), :status)"));
    }

    @Test
    void aNonPidIsTheBeamsArgumentErrorWithTheCallAsStackLine() {
        String head = "** (ArgumentError) errors were found at the given arguments:";
        String notAPid = "  * 1st argument: not a pid";
        assertEquals(List.of(
                        List.of(head, "", notAPid, "", "    :erlang.is_process_alive(:a)"),
                        List.of(head, "", notAPid, "", "    :erlang.is_process_alive(:a)"),
                        List.of(head, "", notAPid, "", "    :erlang.process_info(:a)"),
                        List.of(head, "", notAPid, "", "    :erlang.process_info(:a)", "    (elixir 1.14.0) lib/process.ex:752: Process.info/1"),
                        List.of(head, "", notAPid, "", "    :erlang.process_info(:a, :status)",
                                "    (elixir 1.14.0) lib/process.ex:773: Process.info/2")),
                PipedSession.outputs(":erlang.is_process_alive(:a)", "Process.alive?(:a)", ":erlang.process_info(:a)",
                        "Process.info(:a)", "Process.info(:a, :status)"));
    }

    /** iex 1.14 inlines elem/2 and tuple_size/1 as :erlang.element/2 and :erlang.tuple_size/1: their errors name those calls. */
    @Test
    void elemAndTupleSizeFailAsTheBifsTheyAre() {
        String head = "** (ArgumentError) errors were found at the given arguments:";
        assertEquals(List.of(
                        List.of(":b"), List.of("2"), List.of(":a"),
                        List.of(head, "", "  * 1st argument: out of range", "", "    :erlang.element(4, {:a})"),
                        List.of(head, "", "  * 2nd argument: not a tuple", "", "    :erlang.element(1, :x)"),
                        List.of(head, "", "  * 1st argument: not a tuple", "", "    :erlang.tuple_size(:x)"),
                        List.of(head, "", "  * 1st argument: out of range", "", "    :erlang.element(3, {:a, :b})")),
                PipedSession.outputs("elem({:a, :b}, 1)", "tuple_size({1, 2})", ":erlang.element(1, {:a, :b})", "elem({:a}, 3)",
                        "elem(:x, 0)", "tuple_size(:x)", ":erlang.element(3, {:a, :b})"));
    }
}
