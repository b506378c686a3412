package procshell.shell.elixir.compiler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables visible at a point of the code: each Elixir name maps to the Groovy variable that
 * holds its current value. A rebinding maps the name to a new Groovy variable (never assigned
 * again), so a closure keeps the value it saw, as in Elixir; a branch works on a copy, so what it
 * binds does not leak out.
 */
final class Scope {
    private final Map<String, String> vars;
    private final Map<String, String> aliases;

    Scope() {
        this(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private Scope(Map<String, String> vars, Map<String, String> aliases) {
        this.vars = vars;
        this.aliases = aliases;
    }

    /** A copy for a branch or clause: its bindings do not reach this scope. */
    Scope copy() {
        return new Scope(new LinkedHashMap<>(vars), new LinkedHashMap<>(aliases));
    }

    /** The Groovy variable of an Elixir variable, or null when unbound. */
    String lookup(String name) {
        return vars.get(name);
    }

    /** Binds (or rebinds) an Elixir variable to a Groovy variable. */
    void bind(String name, String groovy) {
        vars.put(name, groovy);
    }

    /** The bindings, Elixir name to Groovy variable, in binding order. */
    Map<String, String> variables() {
        return vars;
    }

    /** {@code alias Foo.Bar, as: Baz}: {@code Baz} stands for {@code Foo.Bar} from here on. */
    void alias(String as, String full) {
        aliases.put(as, full);
    }

    /** Takes the other scope's aliases (a module body sees the aliases around it). */
    void inheritAliases(Scope other) {
        aliases.putAll(other.aliases);
    }

    /** The aliases, name to module (both without {@code Elixir.}). */
    Map<String, String> aliases() {
        return aliases;
    }

    /** What an alias's first segment stands for, or null. */
    String aliasOf(String first) {
        return aliases.get(first);
    }
}
