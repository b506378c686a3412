# Exception (Elixir 1.14) and exception structs
Exception.message(%RuntimeError{message: "boom"})
Exception.message(%ArgumentError{})
Exception.message(%RuntimeError{})
try do raise "plain" rescue e -> Exception.message(e) end
try do raise ArgumentError, "bad" rescue e -> {e.__struct__, Exception.message(e)} end
try do 1 / 0 rescue e -> e end
try do 1 / 0 rescue e -> Exception.message(e) end
try do hd([]) rescue e -> e end
try do raise ArgumentError rescue e -> e end
try do raise %RuntimeError{message: "s"} rescue e -> e end
Exception.format_banner(:error, %RuntimeError{message: "x"})
Exception.format_banner(:throw, :value)
Exception.format_banner(:exit, :normal)
Exception.format(:error, %ArgumentError{message: "f"})
Exception.exception?(%RuntimeError{})
Exception.exception?(%{})
Exception.exception?(:x)
is_exception(%RuntimeError{})
is_exception(%{message: "x"})
is_exception(%RuntimeError{}, RuntimeError)
is_exception(%RuntimeError{}, ArgumentError)
%RuntimeError{}
%ArgumentError{message: "a"}
%ArithmeticError{}
%SystemLimitError{}
%Enum.EmptyError{}
%KeyError{key: :a}
%MatchError{term: 1}
Map.keys(%RuntimeError{})
map_size(%KeyError{})
raise %RuntimeError{message: "direct"}
raise %ArgumentError{message: "direct"}
raise %{a: 1}
struct(RuntimeError, message: "m", other: 1)
struct!(RuntimeError, other: 1)
struct!(%RuntimeError{}, message: "ok")
struct(RuntimeError, %{message: "from map"})
