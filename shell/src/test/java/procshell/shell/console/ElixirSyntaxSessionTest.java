package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Elixir's syntax at the prompt, against iex's ({@code iex-reference/syntax.txt}), every input of
 * the transcript typed in its order: keyword lists (trailing ones in tuples and lists), aliases,
 * a pipeline and a line that starts with {@code |>}, fn calls ({@code f.(1, 2)}, an fn of fns),
 * {@code throw} caught, atoms in all their quoting (with iex's warning for needless quotes),
 * {@code ?} and {@code !} in names, tuples (empty, of one, nested, over several lines), matches
 * (pins, {@code _} and {@code _b}, nil, strings, floats and aliases in patterns, a match over three
 * lines), maps (keys of every kind, keywords last or a SyntaxError, {@code %{m | k: v}} and its
 * KeyError), interpolation (atoms, nil, an empty {@code #{}}, a map access), strings with
 * {@code $}, charlists and heredocs, comments (a line that is only a comment is nil),
 * {@code __MODULE__} in nested modules and at the prompt, inputs that continue on
 * {@code ...(n)>}, stray closers, receive/case/if corners (a guard, {@code after}, no matching
 * clause, duplicated {@code after}), number literals and {@code ===}, zero-arity calls without
 * parentheses ({@code Node.self}, {@code Node.connect}'s UndefinedFunctionError).
 *
 * <p>These are what the old translator's own tests checked that a person sees
 * ({@code IexSyntaxTest}, {@code ReceiveSyntaxTest}, {@code CaseSyntaxTest}, {@code IfSyntaxTest},
 * {@code NumberSyntaxTest}, {@code ZeroArityCallsTest}), now typed in Elixir and compared with iex.
 */
@Timeout(60)
class ElixirSyntaxSessionTest {
    @Test
    void everyInputOfTheSyntaxTranscriptPrintsWhatIexPrinted() {
        IexSessionCheck.against("syntax.txt").everyInput().check();
    }
}
