package procshell.shell.iex;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.shell.eval.Values;

/** Elixir's {@code Atom} module (1.14): an atom's text as a string or charlist. */
@Doc("""
    Atoms are constants whose values are their own name (:ok, MyApp.Hello).
    """)
@ElixirName("Atom")
public final class ElixirAtom {
    private ElixirAtom() {}

    private static String name(Object atom, String function) {
        Object a = Values.normalize(atom);
        if (a == null) return "nil";
        if (a instanceof Boolean b) return b.toString();
        if (a instanceof Atom x) return x.name();
        // Atom.to_string/1 is :erlang.atom_to_binary/1 on the BEAM
        throw ArgumentError.badArgument("1st argument: not an atom");
    }

    /** The atom's text, as {@code Atom.to_string/1} ({@code Foo} is {@code "Elixir.Foo"}). */
    @Doc("Converts the atom to a string (the alias Foo gives Elixir.Foo).")
    public static String to_string(Object atom) {
        return name(atom, "to_string");
    }

    /** The atom's text as a charlist, as {@code Atom.to_charlist/1}. */
    @Doc("Converts the atom to a charlist.")
    public static List<Object> to_charlist(Object atom) {
        return ElixirString.to_charlist(name(atom, "to_charlist"));
    }
}
