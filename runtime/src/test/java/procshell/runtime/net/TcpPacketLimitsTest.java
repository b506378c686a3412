package procshell.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * Issue 21's TCP leftovers, each shape as OTP 25's inet driver gives it (checked with a real
 * {@code elixir}): bytes that are no UTF-8 reach the owner as a binary ({@code :binary}) or a
 * list of bytes ({@code :list}); {@code packet: :line} with {@code packet_size} refuses a longer
 * line with {@code :emsgsize}, and with {@code buffer} cuts a line without newline into pieces of
 * that size, so that no line is ever held whole beyond those sizes.
 */
class TcpPacketLimitsTest {
    @RegisterExtension
    final TestNode rt = new TestNode();
    private ProcessContext me;

    @BeforeEach
    void bind() {
        me = rt.self();
    }

    private static TcpSocket ok(Object result) {
        assertTrue(result instanceof Tuple t && t.isTagged(Atom.OK, 2), () -> String.valueOf(result));
        return (TcpSocket) ((Tuple) result).get(1);
    }

    private static List<Object> lines(Object... more) {
        List<Object> o = new ArrayList<>(List.of(Tuple.of(Atom.of("packet"), Atom.of("line")), Tuple.of(Atom.of("active"), Boolean.FALSE)));
        o.addAll(List.of(more));
        return o;
    }

    private static int port(TcpSocket s) {
        return (Integer) ((Tuple) GenTcp.port(s)).get(1);
    }

    @Test
    void bytesThatAreNoUtf8ComeAsABinaryOrAList() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, lines(Atom.of("binary"))));
        try (Socket client = new Socket("127.0.0.1", port(listen))) {
            TcpSocket conn = ok(GenTcp.accept(listen, 5000));
            client.getOutputStream().write(new byte[] {1, (byte) 255, '\n', 'o', 'k', '\n', 2, (byte) 254, '\n'});
            Object bin = ((Tuple) GenTcp.recv(conn, 5000)).get(1);
            assertEquals("<<1, 255, 10>>", bin.toString());
            assertTrue(Bitstring.isBinary(bin), "is_binary/1 holds for bytes that are no UTF-8");
            assertEquals(Tuple.of(Atom.OK, "ok\n"), GenTcp.recv(conn, 5000), "UTF-8 stays a String");
            assertEquals(Atom.OK, GenTcp.setopts(conn, List.of(Atom.of("list"))));
            assertEquals(Tuple.of(Atom.OK, List.of(2, 254, 10)), GenTcp.recv(conn, 5000));
            assertEquals(Atom.OK, GenTcp.send(conn, List.of(bin, "x")), "a binary that is no UTF-8 is iodata");
            byte[] echoed = client.getInputStream().readNBytes(4);
            assertEquals("[1, -1, 10, 120]", java.util.Arrays.toString(echoed));
        } finally {
            GenTcp.close(listen);
        }
    }

    @Test
    void aLineLongerThanPacketSizeIsEmsgsizeThenNotConnected() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, lines(Atom.of("binary"), Tuple.of(Atom.of("packet_size"), 10))));
        try (Socket client = new Socket("127.0.0.1", port(listen))) {
            TcpSocket conn = ok(GenTcp.accept(listen, 5000));
            assertEquals(Tuple.of(Atom.OK, List.of(Tuple.of(Atom.of("buffer"), 1460), Tuple.of(Atom.of("packet_size"), 10))),
                    GenTcp.getopts(conn, List.of(Atom.of("buffer"), Atom.of("packet_size"))));
            OutputStream out = client.getOutputStream();
            out.write("short\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(Tuple.of(Atom.OK, "short\n"), GenTcp.recv(conn, 5000));
            out.write(("y".repeat(30) + "\nafter\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(Tuple.of(Atom.ERROR, Atom.of("emsgsize")), GenTcp.recv(conn, 5000));
            assertEquals(Tuple.of(Atom.ERROR, Atom.of("enotconn")), GenTcp.recv(conn, 100));
        } finally {
            GenTcp.close(listen);
        }
    }

    @Test
    void activeModeGetsTcpErrorThenTcpClosed() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, List.of(Tuple.of(Atom.of("packet"), Atom.of("line")), Tuple.of(Atom.of("packet_size"), 10))));
        try (Socket client = new Socket("127.0.0.1", port(listen))) {
            TcpSocket conn = ok(GenTcp.accept(listen, 5000));
            client.getOutputStream().write(new byte[] {1, (byte) 255, '\n'});
            assertEquals(Tuple.of(Atom.of("tcp"), conn, List.of(1, 255, 10)), me.receive(5000));
            client.getOutputStream().write(("y".repeat(30) + "\n").getBytes(StandardCharsets.UTF_8));
            assertEquals(Tuple.of(Atom.of("tcp_error"), conn, Atom.of("emsgsize")), me.receive(5000));
            assertEquals(Tuple.of(Atom.of("tcp_closed"), conn), me.receive(5000));
            assertEquals(Tuple.of(Atom.ERROR, Atom.of("einval")), GenTcp.getopts(conn, List.of(Atom.of("active"))));
        } finally {
            GenTcp.close(listen);
        }
    }

    @Test
    void aHugeLineComesInPiecesOfTheBufferSize() throws Exception {
        // 300 MB under PROCSHELL_STRESS=1, else 20 MB: either way no piece is larger than the buffer
        long total = Boolean.getBoolean("procshell.stress") ? 300L << 20 : 20L << 20;
        TcpSocket listen = ok(GenTcp.listen(0, lines(Atom.of("binary"), Tuple.of(Atom.of("recbuf"), 65536))));
        try (Socket client = new Socket("127.0.0.1", port(listen))) {
            TcpSocket conn = ok(GenTcp.accept(listen, 5000));
            assertEquals(Tuple.of(Atom.OK, List.of(Tuple.of(Atom.of("buffer"), 65536))), GenTcp.getopts(conn, List.of(Atom.of("buffer"))),
                    "recbuf sets buffer too, as inet does");
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = client.getOutputStream();
                    byte[] chunk = "z".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
                    for (long sent = 0; sent < total; sent += chunk.length) out.write(chunk);
                    out.write('\n');
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long got = 0;
            int largest = 0;
            while (got < total + 1) {
                Object data = ((Tuple) GenTcp.recv(conn, 30_000)).get(1);
                int n = ((String) data).length();
                largest = Math.max(largest, n);
                got += n;
            }
            writer.join();
            assertEquals(total + 1, got, "every byte arrives");
            assertEquals(65536, largest, "no piece is held beyond the buffer size");
        } finally {
            GenTcp.close(listen);
        }
    }
}
