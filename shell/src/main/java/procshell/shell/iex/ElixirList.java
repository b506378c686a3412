package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

/**
 * Elixir's {@code List} at the prompt: functions on (linked) lists, as Elixir 1.14 documents them.
 */
@ElixirName("List")
@Doc("""
    Linked lists hold zero, one, or more elements in the chosen order.

    ## Examples

        ps> List.first([1, 2, 3])
        1
    """)
public final class ElixirList {
    private ElixirList() {}

    /**
     * A charlist from a list of characters, strings and charlists (chardata), as
     * {@code List.to_charlist/1}: what {@code '#{x}'} compiles to.
     *
     * @throws ArgumentError for anything that is not chardata
     */
    @Doc("""
        Converts a list of integers representing code points, lists or strings
        into a charlist.

        ## Examples

            ps> List.to_charlist([0x00E6, 0x00DF])
            'æß'
        """)
    public static List<Integer> to_charlist(Object chardata) {
        List<Integer> out = new ArrayList<>();
        String text = Kernel.to_string(chardata);
        text.codePoints().forEach(out::add);
        return out;
    }

    /** The first element, or nil for an empty list, as {@code List.first/1}. */
    @Doc("""
        Returns the first element in list or nil if list is empty.
        """)
    public static Object first(List<?> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    /** The last element, or nil for an empty list, as {@code List.last/1}. */
    @Doc("""
        Returns the last element in list or nil if list is empty.
        """)
    public static Object last(List<?> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    /** A list as it is, nil as {@code []}, any other term wrapped, as {@code List.wrap/1}. */
    @Doc("""
        Wraps term in a list if this is not list. If term is already a list, it
        returns the list. If term is nil, it returns an empty list.
        """)
    public static List<?> wrap(Object term) {
        if (term == null) return List.of();
        return term instanceof List<?> l ? l : List.of(term);
    }
}
