package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Fragmented distribution messages (OTP 22's DFLAG_FRAGMENTS): a large message goes out in 64 KiB
 * fragments that other senders' frames pass between, and fragments that come in, interleaved with
 * each other and with whole messages, are put back together in their senders' order. A continuation
 * of no known sequence closes the connection.
 */
class FragmentsTest {
    private static final Atom INBOX = Atom.of("inbox");
    private DistTestSupport dist;
    private Distribution target;

    @BeforeEach
    void setUp() throws IOException {
        dist = new DistTestSupport();
        target = dist.start("fr", "frag");
    }

    @AfterEach
    void tearDown() {
        dist.close();
    }

    /** A raw connection, as node {@code name}; its receive buffer small, so that a large send blocks. */
    private Socket handshaken(String name) throws Exception {
        return dist.handshaken(target, name, "frag", 16 * 1024);
    }

    private static String big(char c, int n) {
        char[] a = new char[n];
        Arrays.fill(a, c);
        return new String(a);
    }

    /** The bare bytes (no version byte) of a term. */
    private byte[] bare(Object term) {
        byte[] v = new TermEncoder(target.table()).encode(term);
        return Arrays.copyOfRange(v, 1, v.length);
    }

    private static void frame(DataOutputStream out, byte[]... parts) throws IOException {
        int len = 0;
        for (byte[] p : parts) len += p.length;
        out.writeInt(len);
        for (byte[] p : parts) out.write(p);
    }

    private static byte[] header(int tag, long seq, long frag) {
        ByteBuffer b = ByteBuffer.allocate(tag == 'F' ? 18 : 19);
        b.put((byte) 131).put((byte) tag).putLong(seq).putLong(frag);
        if (tag == 'E') b.put((byte) 0);
        return b.array();
    }

    @Test
    void fragmentsComingInArePutBackTogetherWhateverPassesBetweenThem() throws Exception {
        List<String> logged = DistTestSupport.logOf(target);
        ProcessContext self = target.node().attach();
        try {
            target.node().names().register(INBOX, self.process());
            try (Socket s = handshaken("raw" + dist.suffix + "@localhost")) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                byte[] ctl = bare(Tuple.of(ControlOp.REG_SEND, Atom.of("x"), Atom.of(""), INBOX));
                Tuple one = Tuple.of(Atom.of("one"), big('a', 200_000));
                Tuple two = Tuple.of(Atom.of("two"), big('b', 100_000));
                byte[] m1 = bare(one);
                byte[] m2 = bare(two);
                // one in 3 fragments, two in 2, and a whole message between them
                int a = m1.length / 3;
                frame(out, header('E', 11, 3), ctl, Arrays.copyOfRange(m1, 0, a));
                frame(out, new byte[] {(byte) 131, 'D', 0}, ctl, bare(Atom.of("small")));
                frame(out, header('F', 11, 2), Arrays.copyOfRange(m1, a, 2 * a));
                frame(out, header('E', 12, 2), ctl, Arrays.copyOfRange(m2, 0, 10));
                frame(out, header('F', 11, 1), Arrays.copyOfRange(m1, 2 * a, m1.length));
                frame(out, header('F', 12, 1), Arrays.copyOfRange(m2, 10, m2.length));
                out.flush();
                assertEquals(Atom.of("small"), Await.receive(self));
                assertEquals(one, Await.receive(self));
                assertEquals(two, Await.receive(self));
                // a continuation of no sequence breaks the protocol: that connection closes
                frame(out, header('F', 99, 1), bare(Atom.of("lost")));
                out.flush();
                Atom raw = Atom.of("raw" + dist.suffix + "@localhost");
                Await.until("the bad continuation closes its connection", () -> !target.nodes().contains(raw));
                assertTrue(logged.stream().anyMatch(l -> l.contains("continuation of unknown sequence 99")), logged.toString());
            }
        } finally {
            target.node().detach();
        }
    }

    @Test
    void aLargeMessageGoesOutInFragmentsThatOtherMessagesPassBetween() throws Exception {
        try (Socket s = handshaken("slow" + dist.suffix + "@localhost")) {
            Atom slow = Atom.of("slow" + dist.suffix + "@localhost");
            String payload = big('z', 16 << 20);
            Thread bigSender = Thread.ofPlatform().start(() -> target.send(null, INBOX, slow, Tuple.of(Atom.of("big"), payload)));
            // the reader does not read: the big sender blocks between fragments once the socket is full
            Await.until("the big sender is writing to the full socket", () -> writingToSocket(bigSender));
            Thread smallSender = Thread.ofPlatform().start(() -> target.send(null, INBOX, slow, Atom.of("small")));
            // it waits for the fragment being written, or went out between two already
            Await.until("the small sender waits for its turn or is through", () -> smallSender.getState() == Thread.State.WAITING
                    || smallSender.getState() == Thread.State.TERMINATED);
            DataInputStream in = new DataInputStream(s.getInputStream());
            List<String> kinds = new ArrayList<>();
            int fragmentsLeft = -1;
            while (fragmentsLeft != 0 || !kinds.contains("D small")) {
                int len = in.readInt();
                if (len == 0) continue; // a tick
                byte[] f = new byte[len];
                in.readFully(f);
                assertEquals(131, f[0] & 0xff, "a distribution header");
                ByteBuffer b = ByteBuffer.wrap(f, 2, len - 2);
                if (f[1] == 'D') {
                    // the node's own frames on connecting come first; the small message is the one to :inbox
                    b.get();
                    TermDecoder d = new TermDecoder(target.table(), 1 << 20);
                    d.decodeBare(b);
                    if (b.hasRemaining() && Atom.of("small").equals(d.decodeBare(b))) kinds.add("D small");
                    continue;
                }
                b.getLong();
                long frag = b.getLong();
                assertTrue(f[1] == 'E' ? fragmentsLeft == -1 : frag == fragmentsLeft, "fragment " + frag + " after " + fragmentsLeft);
                assertTrue(len <= 19 + Connection.FRAGMENT_SIZE + 64, "a fragment of " + len + " bytes");
                fragmentsLeft = (int) frag - 1;
                kinds.add((char) f[1] + " " + frag);
            }
            bigSender.join();
            smallSender.join();
            int small = kinds.indexOf("D small");
            assertTrue(small > 0 && small < kinds.size() - 1, "the small message passed between fragments: " + kinds.subList(0, Math.min(5, kinds.size())));
            assertTrue(kinds.size() > 200, kinds.size() + " frames");
            assertTrue(target.nodes().contains(slow), "the connection stays");
        }
    }

    /** True when {@code t} is inside a socket's write (it then holds the connection's write lock). */
    private static boolean writingToSocket(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if ((e.getClassName().contains("Socket") || e.getClassName().contains("Nio")) && e.getMethodName().toLowerCase().contains("write")) return true;
        }
        return false;
    }

    /** Two procshell nodes: a message of a few MiB arrives whole, and the connection stays. */
    @Test
    void betweenTwoProcshellNodesALargeMessageArrivesWhole() throws IOException {
        Distribution other = dist.start("fr2", "frag");
        ProcessContext self = target.node().attach();
        try {
            target.node().names().register(INBOX, self.process());
            assertTrue(other.connect(target.node().name()));
            String payload = big('q', 3 << 20);
            other.send(null, INBOX, target.node().name(), Tuple.of(Atom.of("big"), payload));
            other.send(null, INBOX, target.node().name(), Atom.of("after"));
            assertEquals(Tuple.of(Atom.of("big"), payload), Await.receive(self));
            assertEquals(Atom.of("after"), Await.receive(self));
            assertTrue(other.nodes().contains(target.node().name()));
            Pid me = self.self();
            assertTrue(target.node().isAlive(me));
        } finally {
            target.node().detach();
        }
    }
}
