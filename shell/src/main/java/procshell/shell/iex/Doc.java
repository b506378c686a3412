package procshell.shell.iex;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text {@code h(...)} prints for a shell-facing module or function, kept with the code as
 * Elixir keeps {@code @moduledoc} and {@code @doc}.
 *
 * <p>Format of {@link #value()}, as in Elixir's docs: a one-line summary, an empty line, then
 * optional paragraphs, and an {@code ## Examples} section whose lines are a shell session
 * indented by four spaces ({@code iex> } for input, {@code ...> } for its further lines, output
 * below it; {@code ps> } is read as {@code iex> }). Examples whose doc is listed in the test
 * resource {@code docs/doctests.txt} run as doctests ({@code DocExamplesTest}). Signatures,
 * specs and "since" are not written here: {@code h} takes Elixir's from {@link DocFacts}.
 * <pre>{@code
 * @Doc("""
 *     Finds the pids registered under a key in a registry.
 *
 *     Returns a list of {pid, value} tuples; empty when nobody holds the key.
 *
 *     ## Examples
 *
 *         iex> Registry.lookup(MyRegistry, "room-1")
 *         [{#PID<0.110.0>, nil}]
 *     """)
 * }</pre>
 * On a class it documents the module ({@code h(Registry)}); on a public static method the
 * function ({@code h(Registry.lookup)}); overloads of one name share the first one's text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Doc {
    /** The doc text: summary line, blank line, details, {@code ## Examples}. */
    String value();
}
