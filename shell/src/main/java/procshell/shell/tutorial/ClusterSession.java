package procshell.shell.tutorial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import procshell.runtime.dist.DistOptions;
import procshell.shell.console.Shell;

/**
 * Runs a chapter that needs a cluster ({@code nodes:}): its own shell is a node of this JVM, each
 * other node a {@code procshell --sname NODE} child process, all with a fresh cookie and a port
 * mapper port of their own (so that runs on one machine never meet). Inputs are typed step by
 * step into the node the step names; after each input a marker input ({@code :"tutorial-sync-N"})
 * shows that the node has printed everything, and the markers are removed from the transcript.
 */
final class ClusterSession implements AutoCloseable {
    /** How long one input may take, including a child JVM's start. */
    private static final long INPUT_TIMEOUT_MS = 120_000;
    private static final String MARKER = "tutorial-sync-";
    /** The counter in {@code ps(node1@localhost)7> } and {@code ...(7)> }. */
    private static final java.util.regex.Pattern COUNTER = java.util.regex.Pattern.compile("^(?:ps\\([^)]*\\)|\\.\\.\\.\\()(\\d+)");

    /** One shell of the cluster, fed line by line, its output collected. */
    private interface NodeShell extends AutoCloseable {
        void type(String input) throws IOException;

        String output();

        @Override
        void close();
    }

    private final List<String> names;
    private final List<NodeShell> shells = new ArrayList<>();
    private int markers;

    private ClusterSession(List<String> names) {
        this.names = names;
    }

    /**
     * Runs the chapter's inputs and returns the transcript of each step, in order (prompts with
     * inputs, then output, as a piped shell prints them).
     *
     * @throws IOException when a node cannot be started
     */
    static List<String> run(Chapter chapter) throws IOException, InterruptedException {
        try (ClusterSession s = new ClusterSession(chapter.nodes())) {
            s.start();
            List<String> out = new ArrayList<>();
            for (Step step : chapter.checkedSteps()) {
                NodeShell target = s.shells.get(step.node() == null ? 0 : chapter.nodes().indexOf(step.node()));
                int from = target.output().length();
                for (String input : step.inputs()) s.typeAndWait(target, input);
                out.add(s.withoutMarkers(target.output().substring(from)));
            }
            return out;
        }
    }

    private void start() throws IOException {
        String cookie = randomCookie();
        int epmdPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            epmdPort = probe.getLocalPort();
        }
        shells.add(new LocalShell(new Shell(names.get(0), procshell.runtime.node.AtomTable.DEFAULT_LIMIT,
                DistOptions.of(cookie).withEpmdPort(epmdPort))));
        for (String name : names.subList(1, names.size())) shells.add(new ChildShell(name, cookie, epmdPort));
    }

    private static String randomCookie() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder("TUTORIAL");
        for (int i = 0; i < 12; i++) b.append((char) ('A' + r.nextInt(26)));
        return b.toString();
    }

    private void typeAndWait(NodeShell shell, String input) throws IOException, InterruptedException {
        String marker = ":\"" + MARKER + (++markers) + "\"";
        shell.type(input);
        shell.type(marker);
        long end = System.nanoTime() + INPUT_TIMEOUT_MS * 1_000_000L;
        while (!shell.output().lines().anyMatch(marker::equals)) {
            if (System.nanoTime() > end) throw new IOException("no answer to " + input + " within " + INPUT_TIMEOUT_MS + " ms");
            Thread.sleep(20);
        }
    }

    /**
     * The text without the marker inputs and their output, and with the prompt counters a person
     * would have seen: every input was followed by one marker, so input n was counted 2n - 1.
     */
    private String withoutMarkers(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (line.contains(MARKER)) continue;
            java.util.regex.Matcher m = COUNTER.matcher(line);
            if (m.find()) line = line.substring(0, m.start(1)) + (Integer.parseInt(m.group(1)) + 1) / 2 + line.substring(m.end(1));
            b.append(line).append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (NodeShell s : shells) s.close();
    }

    /** The chapter's own node: a shell of this JVM reading piped lines. */
    private static final class LocalShell implements NodeShell {
        private final Shell shell;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringWriter out = new StringWriter();
        private final Thread console;

        LocalShell(Shell shell) {
            this.shell = shell;
            Reader in = new Reader() {
                private String pending = "";

                @Override
                public int read(char[] buf, int off, int len) throws IOException {
                    if (pending.isEmpty()) {
                        try {
                            pending = lines.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted");
                        }
                        if (pending.equals("\u0004")) return -1;
                    }
                    int n = Math.min(len, pending.length());
                    pending.getChars(0, n, buf, off);
                    pending = pending.substring(n);
                    return n;
                }

                @Override
                public void close() {}
            };
            console = Thread.ofPlatform().name("tutorial-node").start(
                    () -> shell.piped(new BufferedReader(in), new PrintWriter(out, true)).run());
        }

        @Override
        public void type(String input) {
            lines.add(input + "\n");
        }

        @Override
        public String output() {
            return out.toString();
        }

        @Override
        public void close() {
            lines.add("\u0004");
            try {
                console.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shell.shutdown();
        }
    }

    /** Another node: {@code procshell --sname NAME --cookie C} in a child JVM, fed on its stdin. */
    private static final class ChildShell implements NodeShell {
        private final Process process;
        private final Writer in;
        private final StringBuffer out = new StringBuffer();

        ChildShell(String name, String cookie, int epmdPort) throws IOException {
            String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
            ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "procshell.shell.cli.Main", "--sname", name, "--cookie", cookie, "--no-color");
            pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
            // The transcript is what the shell prints on stdout; the JVM's own warnings go elsewhere.
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            process = pb.start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().name("tutorial-" + name).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) out.append(line).append('\n');
                } catch (IOException ignored) {
                    // the child went away; its output so far stays
                }
            });
        }

        @Override
        public void type(String input) throws IOException {
            in.write(input + "\n");
            in.flush();
        }

        @Override
        public String output() {
            return out.toString();
        }

        @Override
        public void close() {
            try {
                in.close(); // end of input: the child's shell leaves, as Ctrl-D does
                if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
