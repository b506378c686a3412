# Prints the fixtures of beam-terms.tsv: each term as :erlang.term_to_binary/2 encodes it, in hex.
terms = [
  {"atom_ok", :ok},
  {"atom_true", true},
  {"atom_nil", nil},
  {"atom_unicode", :"héllo_wörld"},
  {"atom_module", HelloServer},
  {"atom_long", String.to_atom(String.duplicate("a", 255))},
  {"int_0", 0},
  {"int_255", 255},
  {"int_256", 256},
  {"int_neg1", -1},
  {"int_max32", 2147483647},
  {"int_min32", -2147483648},
  {"int_2pow31", 2147483648},
  {"int_neg2pow31m1", -2147483649},
  {"int_2pow63", 9223372036854775808},
  {"int_big", 123456789012345678901234567890123456789},
  {"int_negbig", -123456789012345678901234567890123456789},
  {"int_huge", Integer.pow(2, 2100)},
  {"float_pi", 3.14159},
  {"float_neg", -0.5},
  {"float_zero", 0.0},
  {"string_hello", "hello"},
  {"string_empty", ""},
  {"string_unicode", "héllo ✓"},
  {"binary_nonutf8", <<255, 0, 1>>},
  {"tuple_empty", {}},
  {"tuple_ok", {:ok, 123}},
  {"tuple_large", List.to_tuple(Enum.to_list(1..300))},
  {"list_empty", []},
  {"list_bytes", [1, 2, 3]},
  {"list_charlist", 'hello'},
  {"list_mixed", [1, :two, "three", 4.0]},
  {"list_big_ints", [1000, 2000]},
  {"list_improper", [1, 2 | 3]},
  {"list_alias_tag", [:alias | :ref_stand_in]},
  {"list_nested", [[1], [[2]], []]},
  {"map_empty", %{}},
  {"map_atoms", %{id: 123, name: "x"}},
  {"map_mixed", %{1 => :a, :b => 2, "c" => [3]}},
  {"keyword", [a: 1, b: 2]},
  {"gen_call", {:"$gen_call", {:ok, :tag}, :hello}},
  {"nested", {:ok, %{list: [1, {2, 3}], float: 1.5, bin: "x"}}},
]
for {name, t} <- terms do
  IO.puts("#{name}\t#{Base.encode16(:erlang.term_to_binary(t, [minor_version: 2]))}")
end
# pids, refs, ports, funs from a distributed-looking node
IO.puts("pid\t#{Base.encode16(:erlang.term_to_binary(:c.pid(0, 110, 0), [minor_version: 2]))}")
IO.puts("ref\t#{Base.encode16(:erlang.term_to_binary(make_ref(), [minor_version: 2]))}")
IO.puts("port\t#{Base.encode16(:erlang.term_to_binary(hd(Port.list()), [minor_version: 2]))}")
IO.puts("fun_export\t#{Base.encode16(:erlang.term_to_binary(&:erlang.node/0, [minor_version: 2]))}")
IO.puts("fun_local\t#{Base.encode16(:erlang.term_to_binary(fn x -> x end, [minor_version: 2]))}")
IO.puts("bitstring\t#{Base.encode16(:erlang.term_to_binary(<<1::3>>, [minor_version: 2]))}")
IO.puts("compressed\t#{Base.encode16(:erlang.term_to_binary(String.duplicate("ab", 500), [:compressed, minor_version: 2]))}")
IO.puts("old_float\t#{Base.encode16(:erlang.term_to_binary(1.5, [minor_version: 0]))}")
IO.puts("latin1_atom\t#{Base.encode16(:erlang.term_to_binary(:hello, [minor_version: 1]))}")
