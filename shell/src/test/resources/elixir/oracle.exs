# The reader's conformance oracle: what Elixir's own reader answers for every snippet of the corpus.
#
#   elixir oracle.exs CORPUS_DIR OUT_FILE
#
# CORPUS_DIR holds *.txt files of snippets. In each file, a line that is exactly `#---`, or starts
# with `#--- ` (a label may follow), separates snippets; such a line is never part of a snippet.
# Text before the first separator is the file's header (ignored). A snippet is the text between two
# separators (or the end of the file), its lines joined with "\n", without its trailing empty lines
# (so no final newline); an empty snippet is kept (the empty input is a snippet too).
#
# OUT_FILE starts with a line saying which Elixir answered ("# Elixir 1.14.0: ..."), then has one line
# per snippet, files in name order, snippets in file order:
#
#   FILE <TAB> ESCAPED_SNIPPET <TAB> ANSWER
#
# where ANSWER is the canonical text of the quoted form Code.string_to_quoted!(snippet, file: "iex")
# returns with all metadata stripped, or `ERROR <Kind> "<escaped message>"` when it raises (Kind is
# the exception's module, e.g. SyntaxError or TokenMissingError; the message is
# Exception.message/1). The canonical text (ReaderCanonicalForm.java prints the same for a Java term):
#
#   nil, true, false       as written
#   atom                   :name when name matches [A-Za-z_][A-Za-z0-9_]*[?!]? else :"escaped"
#                          (nil/true/false are the three words above, never atoms)
#   integer                decimal, e.g. 42, -7
#   float                  Float.to_string/1, e.g. 1.0, 1.0e-5 (always has a dot)
#   binary                 "escaped" (valid UTF-8), else <<1,2,255>>
#   list                   [a,b,c] (an improper tail as [a|b])
#   tuple                  {a,b}; a 3-tuple whose middle element is a list is a node: its metadata
#                          is printed as []
#
# Escaping (snippets and strings): \ -> \\, " -> \", newline -> \n, tab -> \t, CR -> \r, any other
# code point below 32 and 127 -> \u{HEX} (upper case hex); every other code point as itself.

defmodule Oracle do
  @separator "#---"

  def main([corpus_dir, out_file]) do
    lines =
      corpus_dir
      |> Path.join("*.txt")
      |> Path.wildcard()
      |> Enum.sort()
      |> Enum.flat_map(fn path ->
        name = Path.basename(path)
        for snippet <- snippets(File.read!(path)), do: [name, "\t", escape(snippet), "\t", answer(snippet), "\n"]
      end)

    File.write!(out_file, [version_line(), "\n" | lines])
  end

  # The first line of OUT_FILE: which Elixir answered (answers differ between Elixir versions).
  def version_line, do: "# Elixir " <> System.version() <> ": Code.string_to_quoted!/2's answers, written by oracle.exs"

  def main(_) do
    IO.puts(:stderr, "usage: elixir oracle.exs CORPUS_DIR OUT_FILE")
    System.halt(2)
  end

  def snippets(text) do
    [_header | chunks] =
      text
      |> String.split("\n")
      |> Enum.chunk_while([], &chunk/2, &{:cont, Enum.reverse(&1), []})

    for chunk <- chunks, do: chunk |> Enum.reverse() |> Enum.drop_while(&(&1 == "")) |> Enum.reverse() |> Enum.join("\n")
  end

  defp chunk(line, acc) do
    if separator?(line), do: {:cont, Enum.reverse(acc), []}, else: {:cont, [line | acc]}
  end

  defp separator?(line), do: line == @separator or String.starts_with?(line, @separator <> " ")

  def answer(snippet) do
    try do
      snippet |> Code.string_to_quoted!(file: "iex") |> canonical()
    rescue
      e -> "ERROR " <> inspect(e.__struct__) <> " \"" <> escape(Exception.message(e)) <> "\""
    end
  end

  def canonical(nil), do: "nil"
  def canonical(true), do: "true"
  def canonical(false), do: "false"

  def canonical(atom) when is_atom(atom) do
    name = Atom.to_string(atom)
    if name =~ ~r/\A[A-Za-z_][A-Za-z0-9_]*[?!]?\z/, do: ":" <> name, else: ":\"" <> escape(name) <> "\""
  end

  def canonical(int) when is_integer(int), do: Integer.to_string(int)
  def canonical(float) when is_float(float), do: Float.to_string(float)

  def canonical(bin) when is_binary(bin) do
    if String.valid?(bin),
      do: "\"" <> escape(bin) <> "\"",
      else: "<<" <> Enum.map_join(:binary.bin_to_list(bin), ",", &Integer.to_string/1) <> ">>"
  end

  def canonical(list) when is_list(list), do: "[" <> list_items(list) <> "]"
  def canonical({name, meta, args}) when is_list(meta), do: canonical_tuple([name, [], args])
  def canonical(tuple) when is_tuple(tuple), do: canonical_tuple(Tuple.to_list(tuple))

  defp canonical_tuple(items), do: "{" <> Enum.map_join(items, ",", &canonical/1) <> "}"

  defp list_items([]), do: ""
  defp list_items([last]), do: canonical(last)
  defp list_items([head | tail]) when is_list(tail), do: canonical(head) <> "," <> list_items(tail)
  defp list_items([head | tail]), do: canonical(head) <> "|" <> canonical(tail)

  def escape(text) do
    for <<c::utf8 <- text>>, into: "" do
      case c do
        ?\\ -> "\\\\"
        ?" -> "\\\""
        ?\n -> "\\n"
        ?\t -> "\\t"
        ?\r -> "\\r"
        c when c < 32 or c == 127 -> "\\u{" <> Integer.to_string(c, 16) <> "}"
        c -> <<c::utf8>>
      end
    end
  end
end

Oracle.main(System.argv())
