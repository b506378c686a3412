# A real Elixir node the session tests type into, as they type into procshell's shell:
#   ERL_EPMD_PORT=<port> elixir --erl "-start_epmd false" --sname <name> --cookie <cookie> beam_shell.exs
# Each line of stdin is one input (its newlines sent as \x01); it is evaluated with the bindings
# of the inputs before it, in this one process (so self() stays, messages wait in its mailbox), and
# its result printed as iex prints it (inspect, pretty at 80 columns; an exception's banner), then
# a line <<END>>. Logging is off: results only.
defmodule BeamShell do
  def loop(binding) do
    case IO.gets("") do
      :eof ->
        :ok

      line ->
        source = line |> String.trim_trailing("\n") |> String.replace("\x01", "\n")

        {out, binding} =
          try do
            {result, binding} = Code.eval_string(source, binding)
            {inspect(result, pretty: true, width: 80), binding}
          catch
            kind, reason -> {Exception.format_banner(kind, reason, __STACKTRACE__), binding}
          end

        IO.puts(out)
        IO.puts("<<END>>")
        loop(binding)
    end
  end
end

# Crash reports of processes it spawned elsewhere would come here and interleave with results.
:logger.set_primary_config(:level, :none)
IO.puts("READY")
BeamShell.loop([])
