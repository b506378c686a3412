# Prints, for each fn of fns.txt (given as the first argument), one line: Base64 of
# term_to_binary({source, bindings, clauses, result}) of the erl_eval fun iex makes of it (Elixir 1.14),
# typed after y = 5, parent = self(), k = [1, 2]. A line "fn ... end @@ [args]" also calls the fn with
# args: result is inspect(value), or "** (Exception) message" when it raises; else nil.
[file] = System.argv()
for line <- File.read!(file) |> String.split("\n"), line != "", not String.starts_with?(line, "#") do
  {source, args} =
    case String.split(line, " @@ ") do
      [source] -> {source, nil}
      [source, args] -> {source, elem(Code.eval_string(args), 0)}
    end
  {f, _} = Code.eval_string("y = 5; parent = self(); k = [1, 2]; " <> source)
  {:env, [{_anno, bs, _lf, _ef, _fuv, cs}]} = :erlang.fun_info(f, :env)
  result =
    if args do
      try do
        inspect(apply(f, args))
      rescue
        e -> "** (#{inspect(e.__struct__)}) #{Exception.message(e)}"
      end
    end
  IO.puts(Base.encode64(:erlang.term_to_binary({source, bs, cs, result})))
end
