package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks typed at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/tasks.txt}): {@code Task.async_stream/3}'s {@code :timeout} holds for each
 * task from its own start ({@code [ok: 1, exit: :timeout]}, it was counted from when its result
 * was first awaited), a task killed by {@code Task.shutdown/1} or
 * {@code Task.Supervisor.terminate_child/2} dies without a crash report, and
 * {@code Task.await/2}'s timeout carries {@code lib/task.ex:830: Task.await/2}.
 */
@Timeout(120)
class TasksSessionTest {

    @Test
    void tasksAnswerAsInIex() {
        IexSessionCheck.against("tasks.txt").everyInput().check();
    }

    /**
     * Task.Supervisor's functions given no supervisor exit with the request Elixir's sends
     * ({@code {:start_task, [owner, callers, mfa], restart, shutdown}}, {@code :monitor} for
     * async), never the runtime's spec ({@code iex-reference/task_supervisor_noproc.txt}).
     */
    @Test
    void taskSupervisorCallsWithoutASupervisorExitAsInIex() {
        IexSessionCheck.against("task_supervisor_noproc.txt").everyInput().check();
    }

    /**
     * A task that exits is reported with the frames of its exit: the module function's
     * ({@code iex:2: M.f/0}), erl_eval's for an {@code exit/1} in a fn typed at the prompt
     * ({@code iex-reference/task_exits.txt}).
     */
    @Test
    void aTaskThatExitsIsReportedWithWhereItExited() {
        IexSessionCheck.against("task_exits.txt")
                .same("defmodule M do\n  def f, do: exit(:bad)\nend")
                .same("{:ok, _} = Task.start(fn -> M.f() end); Process.sleep(300)").loggerAnywhere()
                .same("{:ok, _} = Task.start(fn -> exit(:bad) end); Process.sleep(300)").loggerAnywhere()
                .same("exit(:bad)")
                .check();
    }
}
