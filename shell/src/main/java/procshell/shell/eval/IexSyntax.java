package procshell.shell.eval;

import java.util.List;
import java.util.Set;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * Source-to-source translation of the shell's input language (Groovy plus Elixir surface syntax)
 * into plain Groovy, run before Groovy compiles an input. The emitted helper calls
 * ({@code _atom_}, {@code _tuple_}, {@code _map_}, {@code _match_}, ...) are static methods of
 * {@code procshell.shell.iex.Kernel}, star-imported into every compiled input.
 *
 * <p>Example: {@code {:ok, pid} = HelloServer.start_link(123)} becomes
 * {@code _match_(binding, _ptuple_(_plit_(_atom_("ok")), _pvar_("pid")), (HelloServer.start_link(123)))}.
 *
 * <p>Rules, applied outside string literals and comments:
 * <ul>
 *   <li>{@code :name} / {@code :"any text"} → {@code _atom_("name")}; a ':' is an atom only where it
 *       starts a token, so {@code f(id: 1)}, {@code a ? b : c} and {@code ::} are untouched. A ':'
 *       after whitespace and before a letter is an atom, so write ternaries with a space after the
 *       ':' ({@code a ? b : c}, not {@code a ? b :c}).</li>
 *   <li>{@code :ets.all()} → {@code _erl_("ets").all()}.</li>
 *   <li>{@code Process.alive?(p)} → {@code Process.alive_qm(p)}, {@code Foo.fetch!(m, k)} →
 *       {@code Foo.fetch_bang(m, k)}.</li>
 *   <li>{@code {a, b}} where a value is expected → {@code _tuple_(a, b)}; braces after {@code )},
 *       a name, {@code ]} or <code>}</code> stay blocks/closures.</li>
 *   <li>{@code [a: 1, b: :x]} (a list literal ending in {@code key: value} elements) →
 *       {@code [_tuple_(_atom_("a"), 1), _tuple_(_atom_("b"), _atom_("x"))]}, Elixir's keyword list;
 *       a tuple ending in keywords gets them as one list ({@code {Registry, keys: :unique}} is
 *       {@code {Registry, [keys: :unique]}}). Named arguments {@code f(name: X)}, indexes
 *       {@code m[k: 1]} and Groovy's empty map {@code [:]} stay.</li>
 *   <li>{@code Secret.Registry} (a dotted alias used as a value, not called) →
 *       {@code _alias_("Secret.Registry")}: the class of that name if one exists, else the module
 *       atom {@code :"Elixir.Secret.Registry"}.</li>
 *   <li>{@code a |> f(b) |> g()} → {@code g(f(a, b))} (each stage a call; a pipeline may continue
 *       on lines starting with {@code |>}, which keep their lines); {@code f.(x)} →
 *       {@code f.call(x)}.</li>
 *   <li>{@code {pat, ...} = expr}, {@code [h | t] = expr} or {@code %{key: pat} = expr} starting a top-level statement →
 *       {@code _match_(binding, ...)}; map patterns match maps holding at least their keys.</li>
 *   <li>{@code %{id: 1, "a" => 2}} → {@code _map_(_atom_("id"), 1, "a", 2)}.</li>
 *   <li>{@code fn x -> body end} → <code>{ x -&gt; body }</code>.</li>
 *   <li>{@code receive do pattern when guard -> body; ... after ms -> body end} →
 *       {@code _receive_(_rclause_(...), ..., _rafter_(ms, ...))} ({@link ReceiveSyntax}); in a
 *       method whose whole body it is, a clause ending in a call of that method loops instead.</li>
 *   <li>{@code "#{x}"} → {@code "${_str_(x)}"}: the code inside is translated too, and its value
 *       is inserted as Elixir's {@code to_string/1} gives it ({@code "#{:ok}"} is {@code "ok"}).</li>
 *   <li>{@code nil} → {@code null}; {@code __MODULE__} → the enclosing class name;
 *       {@code # comment} → {@code // comment}; {@code String.upcase(s)} →
 *       {@code ElixirString.upcase(s)} and {@code Enum.each(l, f)} → {@code ElixirEnum.each(l, f)}, {@code Map.put(m, k, v)} →
 *       {@code ElixirMap.put(m, k, v)}
 *       (the Java statics {@code String.format}, {@code Enum.valueOf}, {@code Map.of}, ... stay).</li>
 * </ul>
 * Statements such as {@code h Enum} or {@code i value} are left for the console.
 *
 * <p>Not translated (Groovy will report them): patterns in {@code fn} or method parameters
 * ({@code fn {a, b} -> ...}, {@code def f(:hello)}), multi-clause {@code fn}, {@code [h | t]}
 * as a value and {@code %{m | k: v}}, {@code do ... end} blocks other than {@code receive} (only paired, so an
 * enclosing {@code fn} keeps its own {@code end}) and one-element tuples {@code {x}}, which read as closures.
 */
public final class IexSyntax {

    /** Operators that cannot end a statement; a line ending in one needs a continuation. */
    private static final Set<String> TRAILING_OPERATORS = Set.of(
            "+", "-", "*", "/", "%", "**", "=", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "<=>",
            "&&", "||", "&", "|", "^", "<<", ">>", ">>>", "+=", "-=", "*=", "/=", "%=", "**=", "&=", "|=",
            "^=", "<<=", ">>=", ">>>=", "?:", "?", "=~", "==~", "->", "=>", ",", ".", "?.", "*.", ".&",
            ".@", "..", "..<", "\\", "|>");

    private IexSyntax() {
    }

    /**
     * Translates one input to Groovy source with the same number of lines, each construct staying
     * on its line. On any internal problem the input is returned unchanged.
     *
     * <p>Example: {@code x = %{id: nil} # note} → {@code x = _map_(_atom_("id"), null) // note}.
     *
     * @param source the text typed at the prompt
     * @return Groovy source
     * @throws TranslationError for an Elixir construct Elixir itself would reject before running
     *         anything, e.g. {@code receive do msg end}
     */
    public static String translate(String source) {
        if (source == null || source.isEmpty()) {
            return source;
        }
        try {
            String result = IexSyntaxTranslator.translate(source, null, false);
            return lineCount(result) == lineCount(source) ? result : source;
        } catch (TranslationError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return source;
        }
    }

    /**
     * Whether the input is finished, or the console should ask for a continuation line because
     * a bracket, <code>%{</code>, string, block comment or {@code fn} is still open, or the last line ends
     * in a binary operator, ',', '.', '->' or '='. Stray closers count as complete (Groovy will
     * report them).
     *
     * <p>Example: {@code "f = fn x ->"} → false; {@code "f = fn x -> x end"} → true.
     *
     * @param source the lines typed so far, joined with newlines
     * @return false if more input is needed
     */
    public static boolean isComplete(String source) {
        if (source == null) {
            return true;
        }
        try {
            List<Token> tokens = Lexer.lex(source);
            for (Token t : tokens) {
                if (t.unterminated()) {
                    return false;
                }
            }
            IexSyntaxStructure structure = new IexSyntaxStructure(tokens);
            if (structure.mismatched) {
                return true;
            }
            if (structure.unclosed) {
                return false;
            }
            int last = structure.prevSignificant(tokens.size());
            return last < 0 || !endsWithOperator(tokens, last) || !structure.isContinuation(last);
        } catch (RuntimeException | StackOverflowError e) {
            return true;
        }
    }

    private static boolean endsWithOperator(List<Token> tokens, int last) {
        Token t = tokens.get(last);
        if (t.kind() != Kind.OP || !TRAILING_OPERATORS.contains(t.text())) {
            return false;
        }
        // import foo.* ends in '*' but is complete
        return !(t.isOp("*") && last > 0 && tokens.get(last - 1).isOp("."));
    }

    /** Lines as Groovy counts them: \n, \r\n and a lone \r each end one. */
    private static int lineCount(String s) {
        int lines = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        return lines;
    }
}
