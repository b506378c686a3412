package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/**
 * A procshell node and a real Elixir node ({@code elixir --sname}) in one cluster: the Elixir node
 * registers with procshell's embedded port mapper ({@code -start_epmd false}, {@code ERL_EPMD_PORT}),
 * connects, and both sides send to registered names and pids and call each other's GenServers.
 * Skipped, saying why, where Elixir is not installed.
 */
class ElixirPeerTest {
    private static final Atom PS_INBOX = Atom.of("ps_inbox");
    private DistTestSupport dist;
    private Distribution ps;
    private Process elixir;
    private Atom elixirNode;
    private ProcessContext self;

    @BeforeEach
    void start() throws Exception {
        String exe = which("elixir");
        if (exe == null) System.out.println("ElixirPeerTest skipped: no `elixir` on PATH (install Debian's elixir package)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        dist = new DistTestSupport();
        ps = dist.start("ps", "peer_cookie");
        self = ps.node().attach();
        ps.node().names().register(PS_INBOX, self.process());
        GenServer.start(new DistributionTest.Echo(), null, StartOptions.named(Atom.of("ps_echo")));
        Path script = Files.createTempFile("peer", ".exs");
        try (var in = getClass().getResourceAsStream("/dist/peer.exs")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        elixirNode = Atom.of(dist.name("ex"));
        ProcessBuilder pb = new ProcessBuilder(exe, "--erl", "-start_epmd false", "--sname", elixirNode.name(),
                "--cookie", "peer_cookie", script.toString(), ps.node().name().name());
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(dist.epmdPort));
        pb.redirectErrorStream(true);
        elixir = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(elixir.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("READY")) return "READY";
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            return seen.toString();
        });
        assertEquals("READY", ready.get(60, TimeUnit.SECONDS), "the Elixir node did not come up");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (elixir != null) {
            elixir.destroy();
            if (!elixir.waitFor(10, TimeUnit.SECONDS)) elixir.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (self != null) ps.node().detach();
        if (dist != null) dist.close();
    }

    private static String which(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, exe);
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    private Object receive(Atom tag) {
        return Await.receive(self, m -> m instanceof Tuple t && t.size() >= 2 && tag.equals(t.get(0)), tag.name());
    }

    @Test
    void elixirConnectsAndBothSidesSendAndCall() {
        // Elixir connected to us and sent to our registered inbox.
        Tuple hello = (Tuple) receive(Atom.of("hello_from_elixir"));
        Pid relay = (Pid) hello.get(1);
        assertEquals(elixirNode, hello.get(2));
        assertEquals(elixirNode, ps.nodeOf(relay));
        assertTrue(relay.nodeIndex() > 0, relay.toString());
        assertEquals(List.of(elixirNode), ps.nodes());

        // We call a real Elixir GenServer by {name, node}, with a term of every kind.
        Object term = Tuple.of(Atom.of("hi"), 1, -2, new BigInteger("123456789012345678901234567890"), 2.5, "héllo",
                List.of(1, Atom.of("a"), List.of()), Map.of(Atom.of("k"), "v", 3, 4.0), self.self(), true, null);
        assertEquals(Tuple.of(Atom.of("echo"), term, elixirNode), GenServer.call(Tuple.of(Atom.of("ex_echo"), elixirNode), term));

        // Send to a registered name there and get an answer at our pid; send to its pid too.
        self.send(Tuple.of(Atom.of("ex_relay"), elixirNode), Tuple.of(Atom.of("relay"), self.self(), "one"));
        assertEquals(Tuple.of(Atom.of("relayed"), "one"), receive(Atom.of("relayed")));
        self.send(relay, Tuple.of(Atom.of("relay"), Tuple.of(PS_INBOX, ps.node().name()), "two"));
        assertEquals(Tuple.of(Atom.of("relayed"), "two"), receive(Atom.of("relayed")));

        // Elixir calls our GenServer (its call tag is OTP 24's [:alias | ref]) and pings us.
        self.send(relay, Tuple.of(Atom.of("call"), self.self(), Tuple.of(Atom.of("ps_echo"), ps.node().name()), "from elixir"));
        assertEquals(Tuple.of(Atom.of("called"), Tuple.of(Atom.of("echo"), "from elixir", ps.node().name())), receive(Atom.of("called")));
        self.send(relay, Tuple.of(Atom.of("ping"), self.self()));
        assertEquals(Tuple.of(Atom.of("pinged"), Atom.of("pong")), receive(Atom.of("pinged")));
        assertEquals(Atom.of("pong"), ps.ping(elixirNode));

        // A link from an Elixir process carries its exit here.
        self.trapExit(true);
        self.send(relay, Tuple.of(Atom.of("link_and_die"), self.self()));
        Tuple exit = (Tuple) Await.receive(self, m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), "EXIT from elixir");
        assertEquals(Atom.of("from_elixir"), exit.get(2));
        assertEquals(elixirNode, ps.nodeOf((Pid) exit.get(1)));

        // The Elixir node going away is a :noconnection for whoever monitors its processes.
        var ref = self.monitor(relay);
        elixir.destroy();
        assertEquals(Atom.of("noconnection"), Await.down(self, ref));
        Await.until("the node is gone from Node.list", () -> ps.nodes().isEmpty());
    }

}
