package procshell.shell.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line ({@code --version}) and the banner the interactive shell starts with. */
public final class Version implements IVersionProvider {
    /** The project version, from the jar's manifest when packaged. */
    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /**
     * What the interactive shell prints first, as iex prints the Erlang/OTP line, an empty line
     * and its "Interactive Elixir" line.
     */
    public static String banner() {
        return "procshell " + version() + " [Java " + Runtime.version() + "] [virtual threads]\n\n" + restartBanner();
    }

    /** The line printed again after the shell process restarts, as iex's "Interactive Elixir" line. */
    public static String restartBanner() {
        return procshell.shell.console.Console.RESTART_BANNER;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"procshell " + version() + " (Java " + Runtime.version() + ")"};
    }
}
