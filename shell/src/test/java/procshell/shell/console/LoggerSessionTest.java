package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Elixir's Logger at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/logger.txt}, the times aside): each level's line (a blank line, the
 * time, {@code [level]}, the message) before the input's value, lazy messages, reports, iodata,
 * {@code Logger.configure/1} hiding the levels below it, metadata, a bad level's
 * FunctionClauseError, and a GenServer logging from {@code init/1} and {@code handle_call/3}.
 *
 * <p>Where iex's order is a race, the step expects the order of another real iex run: a warning
 * goes to standard error and the value to standard output, and iex printed them either way round
 * in two recordings ({@code Logger.info(:atom)}'s warning and line came before {@code :ok} in
 * the first, after it in the second).
 */
@Timeout(120)
class LoggerSessionTest {

    /**
     * {@code IO.warn/1,2} against {@code iex-reference/io_warn.txt}: the warning, iex's evaluator
     * frames (none for an empty stacktrace), a blank line, then {@code :ok}.
     */
    @Test
    void ioWarnPrintsAsInIex() {
        IexSessionCheck.against("io_warn.txt").same("IO.warn(\"hey\")").same("IO.warn(\"x\", [])").check();
    }

    /**
     * What iex printed in its first recording for {@code Logger.info(term)} with a term that is no
     * message: Logger's deprecation warning with the evaluator's frames, then the line.
     */
    private static String[] deprecated(String term, String shown) {
        return new String[] {
            "warning: passing " + term + " to Logger is deprecated, expected a map, a keyword list, a string, a list of strings,"
                    + " or a zero-arity anonymous function",
            "  (logger 1.14.0) lib/logger.ex:898: Logger.__do_log__/4",
            "  (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7",
            "  (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3",
            "  (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1",
            "  (iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3",
            "  (iex 1.14.0) lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3",
            "",
            "",
            "00:00:00.000 [info] " + shown,
            ":ok"};
    }

    @Test
    void loggerLinesPrintAsInIex() {
        IexSessionCheck.against("logger.txt")
                .same("require Logger")
                .same("Logger.info(\"hello\")")
                .same("Logger.debug(\"dbg\")")
                .same("Logger.warning(\"careful\")")
                .same("Logger.warn(\"old\")")
                .same("Logger.error(\"bad\")")
                .same("Logger.notice(\"note\")")
                .same("Logger.info(fn -> \"lazy\" end)")
                .same("Logger.info(\"with meta\", user: 1)")
                .same("Logger.log(:info, \"logged\")")
                .same("Logger.log(:error, fn -> {\"tuple\", [a: 1]} end)")
                .instead("Logger.info(:atom)", deprecated(":atom", "atom"))
                .same("Logger.info([\"io\", \"data\", ?!])")
                .instead("Logger.info(123)", deprecated("123", "123"))
                .same("Logger.level()")
                .same("Logger.configure(level: :warning)")
                .same("Logger.info(\"hidden\")")
                .same("Logger.warning(\"shown\")")
                .same("Logger.configure(level: :debug)")
                .same("Logger.debug(\"back\")")
                .same("Logger.bogus(\"x\")")
                .same("Logger.enable(self())")
                .same("Logger.metadata(request_id: 7)")
                .same("Logger.metadata()")
                .same("defmodule Pinger do\n  use GenServer\n  require Logger\n  def init(n) do\n    Logger.info(\"starting with #{n}\")\n    {:ok, n}\n  end\n  def handle_call(:ping, _from, n) do\n    Logger.debug(\"ping #{n}\")\n    {:reply, :pong, n + 1}\n  end\nend")
                .same("{:ok, pid} = GenServer.start_link(Pinger, 1)")
                .same("GenServer.call(pid, :ping)")
                .same("Logger.configure(level: :info)")
                .same("GenServer.call(pid, :ping)")
                .check();
    }
}
