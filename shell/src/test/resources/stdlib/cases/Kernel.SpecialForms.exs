# <<>> in expressions: segment types, sizes, units, signedness and endianness
<<1, 2>>
<<97, 98>>
<<97, 98>> == "ab"
<<97, 98>> === "ab"
<<>>
<<0, 1::size(1)>>
<<255>>
<<1::3, 2>>
<<1::3>>
<<1::1, 2::7>>
<<300::8>>
<<256::16>>
x = 300; <<x::16-little, x::size(2)-unit(8)>>
<<-1::16-little-signed>>
<<-2::signed-32>>
<<1::4*8>>
<<0x123::little-12>>
<<0x123::big-12>>
<<-1::little-12>>
<<0x1234::native-16>>
<<2 ** 70::80>>
<<-(2 ** 70)::96-signed>>
<<1.5::float>>
<<1.5::float-32>>
<<1.5::float-little>>
<<1::float>>
<<1.0::float-16>>
<<-0.0::float>>
<<0x1F600::utf16>>
<<0x1F600::utf32-little>>
<<0x1F600::utf8>>
<<233::utf8, 0>>
<<"é"::utf8, 0>>
<<"é"::utf16>>
<<"ab"::utf32>>
<<"abc", 255>>
<<"abc"::binary, "de"::bytes>>
s = "abc"; <<s::binary-size(2), 1::4>>
s = "abc"; <<s::bits-size(12)>>
s = "abc"; <<s::bitstring>>
b = <<1::3>>; <<b::bits, b::bits, b::bitstring, 1::7>>
b = <<255, 1>>; <<b::binary, b::binary>>
n = 2; <<7::size(n)>>
n = 2; <<"abcd"::binary-size(n)>>
a = :a; <<a::8>>
a = :a; <<a::binary>>
w = 1.5; <<w::binary>>
z = "a"; <<z::float>>
y = <<1::1>>; <<y::binary>>
x = "abc"; <<x::binary-size(5)>>
c = 0x110000; <<c::utf8>>
c = 0xD800; <<c::utf8>>
s = "abc"; <<s::utf8>>
s = "abc"; <<1, s::8>>
v = 1; <<v::bits>>
n = -1; <<1::size(n)>>
x = "abc"; <<1::size(x)>>
n = -1; <<1.0::float-size(n)>>
# <<>> in patterns
<<a, rest::binary>> = "hello"; {a, rest}
<<a::16, rest::binary>> = <<1, 2, 255, 3>>; {a, rest}
<<len::8, data::binary-size(len), tail::bits>> = <<3, "abcd", 1::1>>; {len, data, tail}
<<a::little-12, r::bits>> = <<0x23, 0x10>>; {a, r}
<<a::big-12, r::bits>> = <<0x23, 0x10>>; {a, r}
<<c::utf8, r::binary>> = "élan"; {c, r}
<<c::utf16, r::binary>> = <<0xD8, 0x3D, 0xDE, 0x00, 1>>; {c, r}
<<c::utf32-little>> = <<0, 246, 1, 0>>; c
<<c::utf8, _::binary>> = <<255, 1>>
case <<255, 1>> do <<255, x>> -> x; _ -> :no end
case "abc" do <<"ab", x>> -> x end
case "abc" do <<"ab"::binary, x::8>> -> x end
case <<1, 2>> do <<x>> -> {:one, x}; <<x, y>> -> {:two, x, y} end
case <<1, 2, 3>> do <<x>> -> x; <<_::binary-size(1), rest::bits>> -> rest end
"he" <> rest = <<104, 101, 255>>; rest
"he" <> rest = "hello"; rest
<<f::float-32, _::binary>> = <<63, 128, 0, 0, 9>>; f
<<f::float>> = <<63, 248, 0, 0, 0, 0, 0, 0>>; f
<<f::float-little>> = <<0, 0, 0, 0, 0, 0, 248, 63>>; f
<<f::float-16>> = <<60, 0>>; f
<<x::signed-8>> = <<255>>; x
<<x::signed-little-16>> = <<254, 255>>; x
<<x::unsigned-16>> = <<254, 255>>; x
<<x::3, y::5>> = <<255>>; {x, y}
<<x::size(3)-unit(2), rest::bits>> = <<255>>; {x, rest}
<<x::80>> = <<1::80>>; x
<<_::binary-size(2), x>> = "abc"; x
<<a::binary-size(2), b::binary>> = <<1, 2, 3, 4>>; {a, b}
<<a::bits-size(3), b::bits>> = <<255>>; {a, b}
<<x::8>> = <<1, 2>>
<<x::binary-size(3)>> = "ab"
<<1, x>> = <<2, 3>>
n = 2; <<x::binary-size(n), _::binary>> = "abcdef"; x
n = 1; <<^n, x>> = <<1, 9>>; x
<<x::8, x::8>> = <<5, 5>>; x
<<x::8, x::8>> = <<5, 6>>
<<>> = ""
match?(<<_::binary>>, <<1::1>>)
match?(<<_::bits>>, <<1::1>>)
match?(<<1::1, _::7>>, <<255>>)
(fn <<x, _::binary>> -> x; _ -> :none end).(<<7, 8>>)
(fn <<x, _::binary>> -> x; _ -> :none end).(:atom)
# term order and equality
Enum.sort([<<1::1>>, "a", <<255>>, <<0>>, <<1, 2::3>>, <<1>>])
<<1::1>> < <<1::2>>
<<255>> > "zzz"
<<1, 2>> == <<1, 2>>
%{<<255>> => 1}[<<255>>]
Map.keys(%{<<255>> => 1, <<1::1>> => 2, "a" => 3})
Enum.uniq([<<255>>, <<255>>, <<1::1>>, <<1::1>>])
# concatenation and interpolation
"a" <> <<255>>
<<255>> <> "a"
"x#{<<255>>}y"
b = <<1::1>>; "a" <> b
for x <- [1, 2], reduce: 0 do acc when acc > 100 -> acc + x end
for x <- [1, 2], reduce: 0 do acc when acc < 100 -> acc + x end
{:module, BeamShape, b, _} = defmodule BeamShape do def a, do: 1 end; {binary_part(b, 0, 4), binary_part(b, 8, 8), :binary.match(b, "Elixir.BeamShape") != :nomatch}
for x <- [1, 2], label: "l", do: x
for x <- [1, 1], uniq: 1, do: x
x = true; for y <- [1, 1], uniq: x, do: y
for x <- [1, 2], reduce: 0, into: [], do: (acc -> acc + x)
for x <- [1, 2], reduce: 0, uniq: true, do: (acc -> acc + x)
for x <- [1, 1, 2], uniq: true, do: x
defmodule ForOptionsCase do def f(l), do: for(x <- l, label: 1, do: x) end
