# Range (Elixir 1.14)
1..3
1..10//2
10..1//-3
3..1
1..1
1..0//1
Range.new(1, 3)
Range.new(1, 3, 2)
Range.new(3, 1)
Range.new(1, 3, 0)
Range.new(:a, 3)
Range.new(1.0, 3)
Range.size(1..10)
Range.size(1..10//2)
Range.size(1..10//3)
Range.size(10..1//-1)
Range.size(1..0//1)
Range.size(5..1)
Range.disjoint?(1..5, 6..9)
Range.disjoint?(5..1, 6..9)
Range.disjoint?(1..5, 5..9)
Range.disjoint?(1..5, 2..7)
Range.disjoint?(1..5//2, 2..6//2)
Enum.to_list(1..10//3)
Enum.to_list(5..1)
Enum.to_list(1..5//-1)
Enum.count(1..1_000_000)
Enum.sum(1..1_000_000)
Enum.member?(1..10//2, 4)
Enum.member?(1..10//2, 5)
Enum.reverse(1..4)
Enum.map(1..3, &(&1 * 2))
5 in 1..10
11 in 1..10
2 in 1..10//2
3 in 1..10//2
2.0 in 1..3
is_map(1..3)
map_size(1..3)
(1..3).first
(1..3).last
(1..10//2).step
Map.get(1..3, :last)
inspect(1..3)
inspect(1..10//2)
inspect(3..1//-1)
to_string(1..3)
"#{1..3}"
1..3 == 1..3
1..3 == 1..3//1
1..3 == 3..1
Enum.at(1..10, 4)
Enum.slice(1..10, 2..4)
Enum.take(1..1_000_000_000, 3)
Enum.zip(1..3, 4..6)
Enum.with_index(5..7)
Enum.chunk_every(1..10, 4)
Enum.filter(1..10, &(rem(&1, 3) == 0))
Enum.reduce(1..5, &+/2)
Enum.min_max(10..1//-1)
Enum.empty?(1..0//1)
Enum.random(7..7)
for x <- 1..4, do: x * x
for x <- 1..10//3, do: x
for x <- 3..1, do: x
1..:a
