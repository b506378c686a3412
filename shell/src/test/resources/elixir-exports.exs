# The functions and macros each module of Elixir's own applications (elixir, logger) exports, one
# line a module: `Name function/arity ... ; macro/arity ...`, each part sorted. procshell reads the
# result (shell/src/main/resources/procshell/shell/elixir/elixir-exports.txt, made with
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
  keys = fn pairs -> pairs |> Enum.map(fn {name, arity} -> "#{name}/#{arity}" end) |> Enum.sort() end

  IO.puts(Enum.join([inspect(m) | keys.(m.__info__(:functions))] ++ [";" | keys.(m.__info__(:macros))], " "))
end)
