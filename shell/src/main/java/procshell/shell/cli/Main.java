package procshell.shell.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.jline.terminal.Terminal;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import procshell.shell.bench.BenchCommand;
import procshell.shell.console.Console;
import procshell.shell.console.Shell;
import procshell.shell.console.StartupFile;
import procshell.shell.console.SystemTerminal;
import procshell.shell.eval.EvaluatorProcess;
import procshell.shell.inspect.ErrorFormatter;
import procshell.shell.inspect.ExitFormatter;
import procshell.shell.tutorial.TutorialCommand;

/**
 * The {@code procshell} command: starts the interactive shell, evaluates an expression
 * ({@code -e}) or a script file, or runs the tutorials.
 */
@Command(name = "procshell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An iex-like shell for exploring BEAM processes and process registries.",
        subcommands = {TutorialCommand.class, BenchCommand.class, AutoComplete.GenerateCompletion.class})
public final class Main implements Callable<Integer> {
    @Option(names = "--sname", paramLabel = "NAME", description = "Short node name, e.g. node1 or node1@localhost.")
    String sname;

    @Option(names = "--name", paramLabel = "NAME", description = "Long node name, e.g. node1@127.0.0.1.")
    String name;

    @Option(names = "--cookie", paramLabel = "COOKIE", description = "The node's cookie (for clusters).")
    String cookie;

    @Option(names = "--net-ticktime", paramLabel = "SECONDS", description = "The net tick time, as the BEAM's -kernel net_ticktime: a connected node silent this long is down (default: ${DEFAULT-VALUE}).")
    int netTickTime = 60;

    @Option(names = "-e", paramLabel = "EXPR", description = "Evaluate EXPR, print its result as iex would, and exit (non-zero on error).")
    String expression;

    @Option(names = "--script", paramLabel = "FILE", description = "Evaluate FILE as typed input, then exit (non-zero on the first error).")
    Path script;

    @Option(names = "--no-color", description = "Print without colours.")
    boolean noColor;

    @Option(names = "--no-startup-file", description = "Do not evaluate .procshell.groovy (from the current directory, else the home directory) at start, as iex's .iex.exs.")
    boolean noStartupFile;

    @Option(names = "--dot-iex", paramLabel = "PATH", description = "Evaluate PATH at start instead of .iex.exs (from the current directory, else the home directory), as iex's --dot-iex; \"\" for none.")
    String dotIex;

    @Option(names = "--atom-limit", paramLabel = "N", description = "Size of the node's atom table, as the BEAM's +t (default: ${DEFAULT-VALUE}).")
    int atomLimit = procshell.runtime.node.AtomTable.DEFAULT_LIMIT;

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        // picocli's default factory would load Groovy's runtime (~300 ms) to support closures in
        // annotations, which procshell does not use: Groovy loads later, while the prompt shows.
        System.setProperty("picocli.disable.closures", "true");
        // Without arguments there is nothing to parse: start the shell at once. Building picocli's
        // model of every command (annotation proxies, old class files that no class-data cache
        // holds) is the largest part of the time to the first prompt otherwise.
        int code;
        if (args.length == 0) {
            Main shell = new Main();
            // Opening the terminal is the longest step on the way to the first prompt: first thing.
            shell.opening = SystemTerminal.openAsync();
            code = shell.call();
        } else if (args.length == 2 && !args[1].startsWith("-") && (args[0].equals("-e") || args[0].equals("--script"))) {
            // The same for a lone -e EXPR or --script FILE, the evaluations scripts run: picocli's
            // model (174 classes loaded) was a fifth of the time of -e ':ok'. A value that looks like
            // an option is picocli's to judge.
            Main once = new Main();
            if (args[0].equals("-e")) once.expression = args[1];
            else once.script = Path.of(args[1]);
            code = once.call();
        } else {
            code = new CommandLine(new Main()).execute(args);
        }
        System.exit(code);
    }

    /** The terminal being opened for an interactive session; null until {@link #call} needs one. */
    private CompletableFuture<Terminal> opening;

    /** The node name chosen by --sname / --name. */
    String nodeName() {
        if (sname != null) return sname.contains("@") ? sname : sname + "@" + shortHost();
        if (name != null) return name.contains("@") ? name : name + "@" + longHost();
        return "nonode@nohost";
    }

    /** Distribution options when a node name was given (cookie from --cookie, else ~/.erlang.cookie); else null. */
    private procshell.runtime.dist.DistOptions distOptions() throws java.io.IOException {
        if (sname == null && name == null) return null;
        return procshell.runtime.dist.DistOptions.of(procshell.runtime.dist.Cookie.resolve(cookie, StartChecks.home()))
                .withNetTickTime(netTickTime * 1000L);
    }

    private static String shortHost() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            int dot = h.indexOf('.');
            return dot < 0 ? h : h.substring(0, dot);
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static String longHost() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.io.IOException e) {
            return "127.0.0.1";
        }
    }

    @Override
    public Integer call() throws Exception {
        // The terminal opens while the node starts: both are on the way to the first prompt.
        if (opening == null && expression == null && script == null) opening = SystemTerminal.openAsync();
        // Groovy's runtime, which every fn needs, loads beside the node's start and the terminal's
        // opening: a fn typed as the second input, at once, waited for it (it loaded from the first
        // prompt on, ~0.1 s of CPU shared with the prompt's warm-up and the JIT); then the same
        // thread walks typical inputs once, so that the first ones typed find their code run once.
        if (expression == null && script == null) procshell.shell.eval.GroovyRuntime.startBeforeThePrompt();
        Shell shell = null;
        try {
            String refused = refusal();
            if (refused != null) {
                System.err.println(refused);
                return 2;
            }
            shell = new Shell(nodeName(), atomLimit, distOptions());
        } catch (java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (java.io.IOException | RuntimeException e) {
            // never a Java stack trace: what failed, in one line
            System.err.println("procshell: the node could not start: " + procshell.shell.inspect.ErrorFormatter.message(e));
            return 1;
        } finally {
            // no shell to run: the terminal being opened is closed again, restoring its settings
            if (shell == null && opening != null) SystemTerminal.close(opening);
        }
        try {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            if (expression != null || script != null) shell.printReportsTo(out);
            if (expression != null) return evaluateOnce(shell, expression, out, true);
            if (script != null) {
                String source;
                try {
                    source = Files.readString(script);
                } catch (java.io.IOException e) {
                    System.err.println("procshell: --script " + script + ": " + (e instanceof java.nio.charset.CharacterCodingException
                            ? "not valid UTF-8" : "cannot be read"));
                    return 2;
                }
                return evaluateOnce(shell, source, out, false);
            }
            Terminal terminal = SystemTerminal.await(opening);
            if (SystemTerminal.isDumb(terminal)) {
                terminal.close();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                Console piped = shell.piped(in, out);
                startupFile(piped);
                piped.run();
                return 0;
            }
            terminal.writer().println(Version.banner());
            Path history = StartChecks.home().resolve(".procshell_history");
            String warning = StartChecks.history(history);
            if (warning != null) {
                terminal.writer().println(warning);
                if (Files.exists(history)) history = null; // unreadable and not moved aside: not saved
            }
            Console c = shell.interactive(terminal, history);
            // System.halt/1 at the prompt: the terminal gets its settings back before the JVM ends
            procshell.shell.eval.NodeHalt.onHalt(status -> {
                c.saveHistory(); // (the input that halts is in the history, as a later one would be)
                try {
                    terminal.close();
                } catch (java.io.IOException ignored) {
                    // halting anyway
                }
                System.out.flush();
                Runtime.getRuntime().halt(status);
            });
            if (!noColor && Console.supportsColor(terminal)) c.enableColors();
            startupFile(c);
            // a closed terminal (SIGHUP) ends the JVM during an input: its line is kept all the same
            Runtime.getRuntime().addShutdownHook(new Thread(c::saveHistory, "procshell-history"));
            c.run();
            terminal.close();
            return 0;
        } finally {
            shell.shutdown();
        }
    }

    /**
     * The first option or file the shell cannot start with, as the one line to print before
     * exiting with code 2; null when all are fine ({@link StartChecks}).
     */
    String refusal() {
        String[] checks = {StartChecks.atomLimit(atomLimit), StartChecks.oneName(sname, name), StartChecks.nodeName("--sname", sname),
                StartChecks.nodeName("--name", name), StartChecks.cookie(cookie), StartChecks.netTickTime(netTickTime),
                StartChecks.script(script),
                (sname != null || name != null) && cookie == null ? StartChecks.cookieFile(StartChecks.home()) : null};
        for (String c : checks) if (c != null) return c;
        return null;
    }

    private void startupFile(Console c) {
        if (noStartupFile) return;
        Path cwd = Path.of("").toAbsolutePath();
        Path dot = StartupFile.dotIex(cwd, StartChecks.home(), dotIex);
        if (dot != null) c.evalStartupFile(dot);
        Path f = StartupFile.find(cwd, StartChecks.home());
        if (f != null) c.evalStartupFile(f);
    }

    private static int evaluateOnce(Shell shell, String source, PrintWriter out, boolean printResult) throws InterruptedException {
        EvaluatorProcess.Result r = shell.process().evaluate(source);
        // Done: what dies now dies because the VM stops (a sleeping Task is interrupted), which
        // `elixir` does not report.
        shell.printReportsTo(null);
        switch (r) {
            case EvaluatorProcess.Result.Value v -> {
                // the views (processes(), observer(), ...) print themselves and return NO_VALUE
                if (printResult && v.outcome().value() != procshell.shell.iex.IexSession.NO_VALUE) out.println(shell.inspect(v.outcome().value()));
                out.flush();
                return 0;
            }
            case EvaluatorProcess.Result.Raised x -> {
                out.flush();
                System.err.println(ErrorFormatter.format(x.error()));
                return 1;
            }
            case EvaluatorProcess.Result.Died d -> {
                out.flush();
                System.err.println("** (EXIT from " + d.pid() + ") shell process exited with reason: " + ExitFormatter.format(d.reason()));
                return 1;
            }
        }
    }
}
