package procshell.shell.elixir.compiler;

import java.util.List;

/**
 * One prompt input compiled to Groovy.
 *
 * @param source  the Groovy source of a script: run it with the shell's Binding; its value is the
 *                value of the input's last expression, and the variables the input binds are
 *                written to the Binding under their Elixir names. The modules it defines are
 *                classes of the same source (each registered by the script as it runs)
 * @param modules the modules the input defines, in definition order
 * @param env     the prompt's aliases and imports after the input ({@code alias}, {@code import} in it)
 */
public record CompiledInput(String source, List<Module> modules, PromptEnv env) {
    /**
     * A module defined by the input.
     *
     * @param name      its Elixir name as written, e.g. {@code MyApp.Hello} (the atom
     *                  {@code :"Elixir.MyApp.Hello"})
     * @param className the Groovy class that holds its functions (annotated
     *                  {@code @ElixirName("MyApp.Hello")}); new for every definition
     */
    public record Module(String name, String className) {}
}
