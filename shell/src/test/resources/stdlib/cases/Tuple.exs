# Tuple (Elixir 1.14)
Tuple.append({:foo, :bar}, :baz)
Tuple.append({}, 1)
Tuple.append([], 1)
Tuple.delete_at({:foo, :bar, :baz}, 0)
Tuple.delete_at({:foo, :bar, :baz}, 3)
Tuple.duplicate(:hello, 3)
Tuple.duplicate(:hello, 0)
Tuple.duplicate(:hello, -1)
Tuple.insert_at({:bar, :baz}, 0, :foo)
Tuple.insert_at({:bar, :baz}, 2, :foo)
Tuple.insert_at({:bar, :baz}, 3, :foo)
Tuple.product({255, 255})
Tuple.product({255, 1.0})
Tuple.product({})
Tuple.sum({255, 255})
Tuple.sum({255, 0.0})
Tuple.sum({})
Tuple.to_list({:share, {:elixir, 163}})
Tuple.to_list({})
Tuple.to_list([])
elem({:a, :b}, 1)
elem({:a, :b}, -1)
elem({:a, :b}, :x)
put_elem({:a, :b}, 1, :c)
put_elem({:a, :b}, 2, :c)
tuple_size({})
tuple_size({1, {2, 3}})
{1, 2} == {1, 2.0}
{1, 2} === {1, 2.0}
{1, 2} < {1, 3}
{3} < {1, 2}
{:a, "b", [1], %{c: 2}, {}}
{}
