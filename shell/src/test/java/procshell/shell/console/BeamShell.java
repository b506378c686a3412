package procshell.shell.console;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Elixir node ({@code elixir --sname}) a session test types into, input by input, as it
 * types into procshell's shell: each input is evaluated with the bindings before it, in one
 * process, and its result comes back as iex would print it (the value inspected, or an exception's
 * banner). The node uses the test's port mapper ({@code -start_epmd false}, {@code ERL_EPMD_PORT});
 * {@link #close()} kills it.
 */
public final class BeamShell implements AutoCloseable {
    private static final long STEP_SECONDS = 60;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String name;

    private BeamShell(Process process, String name) {
        this.process = process;
        this.name = name;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** The path of {@code elixir}, or null when it is not installed. */
    public static String elixir() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "elixir");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    /**
     * Starts {@code name} (e.g. {@code c1_123@localhost}) with {@code cookie}, registered with the
     * port mapper on {@code epmdPort}, and waits until it reads inputs.
     */
    public static BeamShell start(String name, String cookie, int epmdPort) throws IOException {
        return start(name, cookie, epmdPort, "");
    }

    /** As {@link #start(String, String, int)}, with more emulator flags (e.g. {@code -kernel prevent_overlapping_partitions false}). */
    public static BeamShell start(String name, String cookie, int epmdPort, String erlFlags) throws IOException {
        Path script = Files.createTempFile("beam_shell", ".exs");
        try (var res = BeamShell.class.getResourceAsStream("/dist/beam_shell.exs")) {
            Files.write(script, res.readAllBytes());
        }
        script.toFile().deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(elixir(), "--erl", ("-start_epmd false " + erlFlags).strip(), "--sname", name, "--cookie", cookie,
                script.toString());
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        pb.redirectErrorStream(true);
        BeamShell b = new BeamShell(pb.start(), name);
        String first = b.readUntil("READY");
        if (!first.isEmpty() && !b.process.isAlive()) throw new IllegalStateException("the Elixir node did not start:\n" + first);
        return b;
    }

    /** The node's name. */
    public String name() {
        return name;
    }

    /** Evaluates one input (it may hold several lines) and returns what it printed, log lines included. */
    public String eval(String input) {
        try {
            in.write(input.replace("\n", "\u0001") + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the Elixir node " + name + " is gone", e);
        }
        return readUntil("<<END>>");
    }

    private String readUntil(String marker) {
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
            StringBuilder b = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals(marker)) return b.toString();
                    b.append(line).append('\n');
                }
            } catch (IOException e) {
                b.append(e);
            }
            throw new IllegalStateException("the Elixir node " + name + " ended:\n" + b);
        });
        try {
            return f.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Elixir node " + name + " gave no answer in " + STEP_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
