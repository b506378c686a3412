package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Map;

/**
 * What {@code alias} and {@code import} typed at the prompt leave for the inputs after them, as
 * iex keeps its environment between inputs: after {@code alias MyApp.Hello}, a later input's
 * {@code Hello} is {@code MyApp.Hello}; after {@code import String}, {@code upcase("a")} calls
 * {@code String.upcase/1}. Immutable: compiling an input gives the environment after it
 * ({@link CompiledInput#env()}), which the shell keeps once the input has run without raising.
 *
 * @param aliases the alias's name to the module it stands for, both without {@code Elixir.}
 *                ({@code "Hello" -> "MyApp.Hello"})
 * @param imports the imports in effect, in import order ({@code import String} is {@code Elixir.String}
 *                with every function; {@code only:} and {@code except:} restrict one)
 */
public record PromptEnv(Map<String, String> aliases, List<Import> imports) {
    /** A new shell's: no alias, no import. */
    public static final PromptEnv EMPTY = new PromptEnv(Map.of(), List.of());

    public PromptEnv {
        aliases = Map.copyOf(aliases);
        imports = List.copyOf(imports);
    }
}
