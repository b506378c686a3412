package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * A DynamicSupervisor as a supervisor's child, compared with what Elixir 1.14 prints for the
 * same calls (pids masked): its child spec names it a supervisor, as Elixir's does.
 */
@Timeout(30)
class DynamicSupervisorShellTest {

    @Test
    void aDynamicSupervisorChildIsASupervisor() {
        List<List<String>> out = PipedSession.outputs(
                "{:ok, sup} = Supervisor.start_link([{DynamicSupervisor, strategy: :one_for_one, name: Workers},"
                        + " {DynamicSupervisor, strategy: :one_for_one}], strategy: :one_for_one)",
                "Supervisor.which_children(sup)",
                "Supervisor.count_children(sup)",
                "DynamicSupervisor.child_spec(strategy: :one_for_one, name: Workers)");
        assertEquals(List.of(
                        List.of("{:ok, #PID<>}"),
                        List.of("[",
                                "  {DynamicSupervisor, #PID<>, :supervisor, [DynamicSupervisor]},",
                                "  {Workers, #PID<>, :supervisor, [DynamicSupervisor]}",
                                "]"),
                        List.of("%{active: 2, specs: 2, supervisors: 2, workers: 0}"),
                        List.of("%{",
                                "  id: Workers,",
                                "  start: {DynamicSupervisor, :start_link,",
                                "   [[strategy: :one_for_one, name: Workers]]},",
                                "  type: :supervisor",
                                "}")),
                out.stream().map(lines -> lines.stream().map(l -> l.replaceAll("#PID<[0-9.]+>", "#PID<>")).toList()).toList());
    }
}
