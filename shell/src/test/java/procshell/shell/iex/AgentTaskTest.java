package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static procshell.shell.iex.CompiledModules.a;
import static procshell.shell.iex.CompiledModules.kw;
import static procshell.shell.iex.CompiledModules.list;
import static procshell.shell.iex.CompiledModules.m;
import static procshell.shell.iex.CompiledModules.t;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;

/**
 * Agent, Task and Task.Supervisor with closures (what a compiled {@code fn} is) and
 * {@code {m, f, a}} functions, compared with what Elixir 1.14 prints for the same calls.
 */
@Timeout(30)
class AgentTaskTest {
    @Test
    void anAgentHoldsAValue() {
        try (CompiledModules c = new CompiledModules()) {
            assertEquals("{:ok, #PID<>}", c.show(Agent.start_link(c.eval("{ -> map() }"), kw("name", a("ag")))));
            assertEquals(":ok", c.show(Agent.update(a("ag"), c.eval("{ s -> def r = new procshell.shell.iex.MapTerm(s); r.put(a('x'), 1); r }"))));
            assertEquals("%{x: 1}", c.show(Agent.get(a("ag"), c.eval("{ s -> s }"))));
            assertEquals("%{x: 1}", c.show(Agent.get_and_update(a("ag"), c.eval("{ s -> t(s, map()) }"))));
            assertEquals(":ok", c.show(Agent.cast(a("ag"), c.eval("{ s -> map('y', 2) }"))));
            assertEquals("%{y: 2}", c.show(Agent.get(a("ag"), c.eval("{ s -> s }"))));
            assertEquals("2", c.show(Agent.get(a("ag"), m("Map"), a("get"), list(a("y")))));
            assertEquals(":ok", c.show(Agent.stop(a("ag"))));
            assertEquals("%{id: Agent}", c.show(without(Agent.child_spec(c.eval("{ -> 1 }")), "start")));
        }
    }

    @Test
    void aBadGetAndUpdateStopsTheAgentAndExitsTheCaller() {
        try (CompiledModules c = new CompiledModules()) {
            Pid agent = (Pid) ((Tuple) Agent.start(c.eval("{ -> 0 }"))).get(1);
            ExitException e = assertThrows(ExitException.class, () -> Agent.get_and_update(agent, c.eval("{ s -> s }")));
            Tuple reason = (Tuple) e.reason();
            assertEquals("{:bad_return_value, 0}", c.show(reason.get(0)));
            assertEquals("{GenServer, :call,", c.show(reason.get(1)).lines().findFirst().orElse(""));
        }
    }

    @Test
    void anAgentAndATaskAsSupervisorChildren() {
        try (CompiledModules c = new CompiledModules()) {
            Object sup = ((Tuple) Supervisor.start_link(list(t(m("Agent"), c.eval("{ -> 42 }")),
                    t(m("Task"), c.eval("{ -> procshell.shell.iex.Kernel.receive() }"))), kw("strategy", a("one_for_one")))).get(1);
            assertEquals("[{Task, #PID<>, :worker, [Task]}, {Agent, #PID<>, :worker, [Agent]}]", c.show(Supervisor.which_children(sup)));
            Pid agent = (Pid) ((Tuple) Supervisor.which_children(sup).get(1)).get(1);
            assertEquals("42", c.show(Agent.get(agent, c.eval("{ s -> s }"))));
        }
    }

    @Test
    void asyncAndAwait() {
        try (CompiledModules c = new CompiledModules()) {
            Object task = Task.async(c.eval("{ -> 1 + 1 }"));
            assertEquals("[:__struct__, :mfa, :owner, :pid, :ref]", c.show(List.copyOf(((Map<?, ?>) task).keySet())));
            assertEquals("{:erlang, :apply, 2}", c.show(((Map<?, ?>) task).get(a("mfa"))));
            assertEquals("2", c.show(Task.await(task)));
            assertEquals("{:ok, :x}", c.show(Task.yield(Task.async(c.eval("{ -> a('x') }")), 1000)));
            assertEquals("{String, :upcase, 1}", c.show(((Map<?, ?>) Task.async(m("String"), a("upcase"), list("a"))).get(a("mfa"))));
            Object stuck = Task.async(c.eval("{ -> procshell.shell.iex.Kernel.receive() }"));
            assertEquals("nil", c.show(Task.yield(stuck, 0)));
            ExitException e = assertThrows(ExitException.class, () -> Task.await(stuck, 0));
            assertEquals(":timeout", c.show(((Tuple) e.reason()).get(0)));
            assertEquals("{Task, :await,", c.show(((Tuple) e.reason()).get(1)).lines().findFirst().orElse(""));
            assertEquals("%{id: Task, restart: :temporary}", c.show(without(Task.child_spec(c.eval("{ -> 1 }")), "start")));
        }
    }

    @Test
    void aTaskSupervisor() {
        try (CompiledModules c = new CompiledModules()) {
            assertEquals("{:ok, #PID<>}", c.show(TaskSupervisor.start_link(kw("name", m("TS")))));
            assertEquals(":sup", c.show(Task.await(TaskSupervisor.async(m("TS"), c.eval("{ -> a('sup') }")))));
            Object started = TaskSupervisor.start_child(m("TS"), c.eval("{ -> procshell.shell.iex.Kernel.receive() }"));
            assertEquals("{:ok, #PID<>}", c.show(started));
            assertEquals(List.of(((Tuple) started).get(1)), TaskSupervisor.children(m("TS")));
            assertEquals("[{:undefined, #PID<>, :worker, [Task.Supervised]}]", c.show(DynamicSupervisor.which_children(m("TS"))));
            assertEquals("""
                    %{
                      id: TS,
                      start: {Task.Supervisor, :start_link, [[name: TS]]},
                      type: :supervisor
                    }""", c.show(TaskSupervisor.child_spec(kw("name", m("TS")))));
        }
    }

    private static Object without(Object map, String key) {
        MapTerm out = new MapTerm((Map<?, ?>) map);
        out.remove(a(key));
        return out;
    }
}
