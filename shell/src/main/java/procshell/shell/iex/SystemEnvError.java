package procshell.shell.iex;

/**
 * Elixir's {@code System.EnvError}, raised by {@code System.fetch_env!/1} for a variable that is
 * not set: {@code could not fetch environment variable "NAME" because it is not set}.
 */
@ElixirName("System.EnvError")
public final class SystemEnvError extends RuntimeException {
    /** @param name the environment variable's name */
    public SystemEnvError(String name) {
        super("could not fetch environment variable " + procshell.runtime.inspect.Inspect.inspect(name) + " because it is not set");
    }
}
