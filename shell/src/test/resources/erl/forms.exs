# Prints, for each fn of fns.txt (given as the first argument), one line: Base64 of
# term_to_binary({source, bindings, clauses}) of the erl_eval fun iex makes of it (Elixir 1.14).
[file] = System.argv()
for line <- File.read!(file) |> String.split("\n"), line != "", not String.starts_with?(line, "#") do
  {f, _} = Code.eval_string("y = 5; parent = self(); k = [1, 2]; " <> line)
  {:env, [{_anno, bs, _lf, _ef, _fuv, cs}]} = :erlang.fun_info(f, :env)
  IO.puts(Base.encode64(:erlang.term_to_binary({line, bs, cs})))
end
