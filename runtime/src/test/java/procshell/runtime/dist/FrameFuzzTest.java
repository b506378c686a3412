package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/**
 * Bad frames from a node that passed the handshake: truncated terms, frames over the limit,
 * unknown tags, control messages of the wrong shape, random bytes. Each closes its own connection
 * with a log line; the node keeps running and keeps serving its other connections.
 */
class FrameFuzzTest {
    private DistTestSupport dist;
    private Distribution target;
    private List<String> logged;
    /** How many corpus entries are crafted (each must close its connection); the rest are random. */
    private int fixed;

    @BeforeEach
    void start() throws IOException {
        dist = new DistTestSupport();
        target = dist.start("fz", "fuzz");
        logged = DistTestSupport.logOf(target);
    }

    @AfterEach
    void stop() {
        dist.close();
    }

    /** A raw connection that has done the handshake, as a node named {@code name}. */
    private Socket handshaken(String name) throws Exception {
        return dist.handshaken(target, name, "fuzz", 0);
    }

    private static byte[] frame(byte[] body) {
        byte[] f = new byte[4 + body.length];
        f[0] = (byte) (body.length >>> 24);
        f[1] = (byte) (body.length >>> 16);
        f[2] = (byte) (body.length >>> 8);
        f[3] = (byte) body.length;
        System.arraycopy(body, 0, f, 4, body.length);
        return f;
    }

    private static byte[] pass(String hex) {
        return frame(HexFormat.of().parseHex("70" + hex));
    }

    /** The corpus: each entry is the bytes a hostile peer writes after the handshake. */
    private List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        c.add(frame(new byte[] {(byte) 0x71})); // not a pass-through frame
        c.add(HexFormat.of().parseHex("7fffffff")); // a frame far over the limit
        c.add(pass("83")); // truncated: version byte only
        c.add(pass("83C8")); // unknown tag 200
        c.add(pass("8368")); // tuple without its arity
        c.add(pass("836802")); // tuple of 2 without elements
        c.add(pass("836803610277007700")); // {2, :"", :""}: SEND to an atom, no message
        c.add(pass("83680161")); // a truncated integer in the control tuple
        c.add(pass("836A")); // control message [] (no tuple)
        c.add(pass("836C7FFFFFFF")); // a list claiming 2^31 elements
        c.add(pass("836D7FFFFFFF41")); // a binary claiming 2 GiB
        c.add(pass("8350FFFFFFFF789C")); // compressed, inflating to 4 GiB
        c.add(pass("83680161024183")); // SEND control, then a truncated message
        fixed = c.size();
        Random r = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] body = new byte[1 + r.nextInt(40)];
            r.nextBytes(body);
            body[0] = 0x70;
            if (body.length > 1) body[1] = (byte) 0x83;
            c.add(frame(body));
        }
        return c;
    }

    @Test
    void badFramesCloseTheirConnectionOnlyAndTheNodeCarriesOn() throws Exception {
        int n = 0;
        for (byte[] bytes : corpus()) {
            n++;
            try (Socket s = handshaken("fuzzer" + n + dist.suffix + "@localhost")) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.write(bytes);
                out.flush();
                Atom peer = Atom.of("fuzzer" + n + dist.suffix + "@localhost");
                if (n <= fixed) {
                    Await.until("entry " + n + " closes its connection", () -> !target.nodes().contains(peer));
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    try {
                        while (in.read() >= 0) {
                            // drain until the node has closed its end
                        }
                    } catch (IOException closed) {
                        // a reset: closed as well
                    }
                }
            }
        }
        // An unknown operation, well formed, is logged and ignored; the connection stays.
        try (Socket s = handshaken("odd" + dist.suffix + "@localhost")) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write(pass("8368016163")); // {99}
            out.flush();
            Await.until("the unknown operation is logged", () -> logged.stream().anyMatch(l -> l.contains("Ignoring distribution control message {99}")));
            assertTrue(target.nodes().contains(Atom.of("odd" + dist.suffix + "@localhost")));
        }
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("** Malformed distribution frame from node :fuzzer")), logged.toString());
        assertTrue(logged.stream().anyMatch(l -> l.contains("exceeds the limit")), logged.toString());
        // The node still works: a proper node connects and talks to it.
        Distribution friend = dist.start("friend", "fuzz");
        ProcessContext self = target.node().attach();
        try {
            target.node().names().register(Atom.of("inbox"), self.process());
            assertTrue(friend.connect(target.node().name()));
            friend.send(null, Atom.of("inbox"), target.node().name(), Tuple.of(Atom.OK, "still here"));
            assertEquals(Tuple.of(Atom.OK, "still here"), Await.receive(self));
            Pid p = self.self();
            assertTrue(target.node().isAlive(p));
        } finally {
            target.node().detach();
        }
    }
}
