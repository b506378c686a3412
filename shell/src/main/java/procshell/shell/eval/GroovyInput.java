package procshell.shell.eval;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The explicit way to type Groovy at the prompt: an input that is one {@code ~G} sigil, e.g.
 *
 * <pre>{@code
 * ps(1)> ~G"""
 * ...(1)> def xs = [1, 2, 3]
 * ...(1)> xs.collect { it * 2 }
 * ...(1)> """
 * [2, 4, 6]
 * }</pre>
 *
 * <p>Its text is pure Groovy (no Elixir literal is rewritten in it), compiled and run with the
 * shell's bindings and the same imports as compiled Elixir. Elixir has no {@code ~G} sigil of
 * its own, so nothing a person types as Elixir can be taken for Groovy.
 */
final class GroovyInput {
    private static final Atom SIGIL_G = Atom.of("sigil_G");
    private static final Atom BINARY = Atom.of("<<>>");

    private GroovyInput() {}

    /**
     * The Groovy source of an input read as Elixir.
     *
     * @param quoted the input's quoted form
     * @return the sigil's text when the input is one {@code ~G} sigil without interpolation
     *         (an uppercase sigil never interpolates), else null
     */
    static String source(Object quoted) {
        if (!(quoted instanceof Tuple t) || t.size() != 3 || !SIGIL_G.equals(t.get(0))) return null;
        if (!(t.get(2) instanceof List<?> args) || args.size() != 2) return null;
        if (!(args.get(0) instanceof Tuple bin) || bin.size() != 3 || !BINARY.equals(bin.get(0))) return null;
        if (!(bin.get(2) instanceof List<?> parts) || parts.size() > 1) return null;
        return parts.isEmpty() ? "null" : parts.get(0) instanceof String s ? s : null;
    }
}
