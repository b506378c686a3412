# The oracle of the standard-library differential corpus: evaluates every case with the real
# Elixir and writes what it gives, one line per case, to expected/<Module>.txt.
#
#   elixir oracle.exs                   # every cases/*.exs -> expected/*.txt
#   elixir oracle.exs Enum String       # only these modules
#   elixir oracle.exs --out DIR [Mods]  # write to DIR instead of expected/ (the test's check)
#
# A case is one line of cases/<Module>.exs (empty lines and lines starting with # are skipped).
# It is evaluated in a fresh process with a fresh binding; its result line is
#   inspect(value)                          when it returns
#   ** (ExceptionName) Exception.message    when it raises
#   ** (exit) inspect(reason)               when it exits
#   ** (throw) inspect(value)               when it throws
#   ** (EXIT) inspect(reason)               when an exit signal kills the process evaluating it
#   ** (timeout)                            when it has not finished after 30 seconds
# prefixed with "<<stdout inspect(text)>> " when the case wrote text to its standard output.
# Newlines in a result are written as the two characters \n, so that a result is one line.

defmodule Oracle do
  # generous: on a loaded CI machine a case may wait seconds for a core; no case is meant to time out
  @timeout 30_000

  def main(argv) do
    here = Path.dirname(__ENV__.file)
    {out, modules} =
      case argv do
        ["--out", dir | mods] -> {dir, mods}
        mods -> {Path.join(here, "expected"), mods}
      end

    modules =
      if modules == [] do
        Path.wildcard(Path.join([here, "cases", "*.exs"])) |> Enum.map(&Path.basename(&1, ".exs"))
      else
        modules
      end

    File.mkdir_p!(out)

    for m <- Enum.sort(modules) do
      results = Path.join([here, "cases", m <> ".exs"]) |> cases() |> Enum.map(&run/1)
      File.write!(Path.join(out, m <> ".txt"), Enum.map(results, &[&1, ?\n]))
      IO.puts(:stderr, "#{m}: #{length(results)} cases")
    end
  end

  @doc "The cases of a file: its lines but empty ones and comments."
  def cases(file) do
    file
    |> File.read!()
    |> String.split("\n")
    |> Enum.map(&String.trim_trailing/1)
    |> Enum.reject(&(String.trim(&1) == "" or String.starts_with?(String.trim_leading(&1), "#")))
  end

  @doc "One case's result line."
  def run(source) do
    parent = self()
    {:ok, capture} = StringIO.open("")

    {pid, ref} =
      spawn_monitor(fn ->
        Process.group_leader(self(), capture)
        send(parent, {:result, self(), evaluate(source)})
      end)

    result =
      receive do
        {:result, ^pid, r} ->
          Process.demonitor(ref, [:flush])
          r

        {:DOWN, ^ref, :process, ^pid, reason} ->
          "** (EXIT) " <> inspect(reason)
      after
        @timeout ->
          Process.exit(pid, :kill)
          "** (timeout)"
      end

    {:ok, {_, printed}} = StringIO.close(capture)
    line = if printed == "", do: result, else: "<<stdout " <> inspect(printed) <> ">> " <> result
    String.replace(line, "\n", "\\n")
  end

  defp evaluate(source) do
    try do
      {value, _binding} = Code.eval_string(source, [], file: "iex", line: 1)
      inspect(value)
    rescue
      e -> "** (" <> inspect(e.__struct__) <> ") " <> Exception.message(e)
    catch
      :exit, reason -> "** (exit) " <> inspect(reason)
      :throw, value -> "** (throw) " <> inspect(value)
    end
  end
end

Oracle.main(System.argv())
