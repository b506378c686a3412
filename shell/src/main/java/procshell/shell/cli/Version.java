package procshell.shell.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line ({@code --version}) and the banner the interactive shell starts with. */
public final class Version implements IVersionProvider {
    /** The project version, from the jar's manifest when packaged. */
    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /** The first line the interactive shell prints, in the spirit of iex's. */
    public static String banner() {
        return "Interactive procshell (" + version() + ") on Java " + Runtime.version().feature()
                + " - press Ctrl+D to exit (type h() ENTER for help)";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"procshell " + version() + " (Java " + Runtime.version() + ")"};
    }
}
