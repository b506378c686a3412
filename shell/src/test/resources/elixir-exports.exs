# The functions and macros each module of Elixir's own applications (elixir, logger) exports, one
# line a module: `Name name/arity ...`, sorted. procshell's import checks read the result
# (shell/src/main/resources/procshell/shell/elixir/compiler/elixir-exports.txt, made with
# `elixir shell/src/test/resources/elixir-exports.exs > that file`); ElixirExportsTest compares it
# with this script's output on the Elixir installed.
for app <- [:elixir, :logger] do
  Application.load(app)
  {:ok, modules} = :application.get_key(app, :modules)
  modules
end
|> List.flatten()
|> Enum.filter(&String.starts_with?(Atom.to_string(&1), "Elixir."))
|> Enum.filter(&Code.ensure_loaded?/1)
|> Enum.sort()
|> Enum.each(fn m ->
  exports =
    (m.__info__(:functions) ++ m.__info__(:macros))
    |> Enum.map(fn {name, arity} -> "#{name}/#{arity}" end)
    |> Enum.sort()

  IO.puts(Enum.join([inspect(m) | exports], " "))
end)
