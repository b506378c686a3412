package procshell.shell.elixir.compiler;

import java.util.List;

/**
 * A benchmark, not a test: the process loop {@code def loop(s), do: receive(do: (m ->
 * loop(s + m)))} compiled and run over N messages (default 10,000,000) sent by another process;
 * prints the time taken. Run: {@code java -cp ... procshell.shell.elixir.compiler.CompiledLoopBench [N]}.
 */
final class CompiledLoopBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        List<Object> inputs = ElixirOracle.quote(List.of("""
                defmodule Loop do
                  def loop(s), do: receive(do: (:stop -> s; m -> loop(s + m)))
                  def feed(pid, 0), do: send(pid, :stop)
                  def feed(pid, n) do
                    send(pid, 1)
                    feed(pid, n - 1)
                  end
                end""",
                "me = self(); spawn(fn -> Loop.feed(me, " + n + ") end); Loop.loop(0)"));
        try (CompiledSession s = new CompiledSession()) {
            s.eval(inputs.get(0));
            long t0 = System.nanoTime();
            String out = s.eval(inputs.get(1));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("compiled_loop_messages " + n + " result " + out + " in " + ms + " ms");
        }
        System.exit(0);
    }
}
