package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * Elixir syntax and Kernel functions through a piped shell session, each compared with what
 * iex 1.14 prints for the same input (the expected lines were taken from Debian's iex).
 */
@Timeout(30)
class KernelShellTest {

    /** The first output line of each input, run in one fresh shell. */
    private static List<String> firstLines(String... inputs) {
        List<List<String>> outputs = PipedSession.outputs(inputs);
        assertEquals(inputs.length, outputs.size(), () -> "one prompt per input expected: " + outputs);
        return outputs.stream().map(o -> o.isEmpty() ? "" : o.get(0)).toList();
    }

    @Test
    void keywordListsAndAliases() {
        assertEquals(List.of(
                        "[a: 1, b: :x]",
                        "{Registry, [keys: :unique]}",
                        "[1, {:a, 2}]",
                        "Secret.Registry",
                        "true"),
                firstLines("[a: 1, b: :x]", "{Registry, keys: :unique}", "[1, a: 2]", "Secret.Registry",
                        "Secret.Registry == :\"Elixir.Secret.Registry\""));
    }

    @Test
    void pipes() {
        assertEquals(List.of("\"ABC\"", "2", "#Function<", "3"),
                firstLines("\"abc\" |> String.upcase()", "[1, 2] |> Enum.map(fn x -> x end) |> Enum.count()",
                        "f = fn x -> x + 1 end", "2 |> f.()").stream()
                        .map(l -> l.startsWith("#Function<") ? "#Function<" : l).toList());
    }

    @Test
    void throwAndRaise() {
        assertEquals(List.of(
                        "** (throw) :ball",
                        "** (ArgumentError) bad",
                        "** (ArgumentError) bad",
                        "** (RuntimeError) runtime error",
                        "** (ArgumentError) argument error",
                        "** (KeyError) k"),
                firstLines("throw(:ball)", "raise ArgumentError, \"bad\"", "raise(ArgumentError, message: \"bad\")",
                        "raise RuntimeError", "raise ArgumentError", "raise KeyError, \"k\""));
    }

    @Test
    void processAndHistoryErrors() {
        assertEquals(List.of(
                        "** (ArgumentError) errors were found at the given arguments:",
                        "** (RuntimeError) v(100) is out of bounds",
                        "true",
                        "true",
                        "false"),
                firstLines("Process.exit(nil, :kill)", "v(100)",
                        "p = spawn(fn -> Process.sleep(:infinity) end); Process.alive?(p)",
                        "Process.exit(p, :kill)", "Process.alive?(p)"));
    }

    @Test
    void mapKeywordAndGuards() {
        assertEquals(List.of(
                        "%{a: 1}",
                        "%{a: 1, b: 2}",
                        "** (KeyError) key :b not found in: %{a: 1}",
                        "{:ok, 1}",
                        "%{a: 2}",
                        "[:a]",
                        "2",
                        "[2, 3]",
                        "** (ArgumentError) errors were found at the given arguments:",
                        "true",
                        "** (BadMapError) expected a map, got: 1"),
                firstLines("m = %{a: 1}", "Map.put(m, :b, 2)", "Map.fetch!(m, :b)", "Map.fetch(m, :a)",
                        "Map.update(m, :a, 0, fn x -> x + 1 end)", "Map.keys(m)", "Keyword.get([a: 1, b: 2], :b)",
                        "tl([1, 2, 3])", "hd([])", "is_map(m) and is_list([1]) and is_nil(nil)",
                        "Map.put(1, :a, 2)"));
    }

    @Test
    void enumSortReverseJoin() {
        assertEquals(List.of("[1, 3, :a, \"b\"]", "[3, 2, 1]", "[3, 2, 1]", "[3, 2, 1]", "\"1, a, b\"", "\"1-3\""),
                firstLines("Enum.sort([3, :a, 1, \"b\"])", "Enum.sort([3, 1, 2], fn a, b -> a >= b end)",
                        "Enum.sort([3, 1, 2], :desc)", "Enum.reverse(1..3)", "Enum.join([1, :a, \"b\"], \", \")",
                        "[3, 1] |> Enum.sort() |> Enum.join(\"-\")"));
    }

    @Test
    void dotAccessOnMaps() {
        assertEquals(List.of("%{id: 1}", "1", "** (KeyError) key :b not found in: %{a: 1}", "2"),
                firstLines("m = %{id: 1}", "m.id", "%{a: 1}.b", "Map.put(m, :z, 2).z"));
    }
}
