package procshell.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/** :gen_tcp's shapes and the socket's life with its owner, against real client sockets on loopback. */
class GenTcpTest {
    /** Lines as strings, passive: the options the tests (and chapter 10) listen with. */
    static final List<Object> LINES = List.of(Atom.of("binary"), Tuple.of(Atom.of("packet"), Atom.of("line")),
            Tuple.of(Atom.of("active"), Boolean.FALSE));
    @RegisterExtension
    final TestNode rt = new TestNode();
    private Node node;
    private ProcessContext me;

    @BeforeEach
    void bind() {
        node = rt.node();
        me = rt.self();
    }

    private static TcpSocket ok(Object result) {
        assertTrue(result instanceof Tuple t && t.isTagged(Atom.OK, 2), () -> String.valueOf(result));
        return (TcpSocket) ((Tuple) result).get(1);
    }

    private static int port(TcpSocket s) {
        return (Integer) ((Tuple) GenTcp.port(s)).get(1);
    }

    @Test
    void passiveLinesBackAndForth() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, LINES));
        assertTrue(listen.toString().matches("#Port<0\\.\\d+>"));
        try (Socket client = new Socket("127.0.0.1", port(listen))) {
            TcpSocket conn = ok(GenTcp.accept(listen, 5000));
            client.getOutputStream().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(Tuple.of(Atom.OK, "hello\n"), GenTcp.recv(conn, 5000));
            assertEquals(Tuple.of(Atom.OK, "world\n"), GenTcp.recv(conn, 5000));
            assertEquals(Tuple.of(Atom.ERROR, Atom.TIMEOUT), GenTcp.recv(conn, 1));
            assertEquals(Atom.OK, GenTcp.send(conn, List.of("hi ", List.of(116, 104, 101, 114, 101), "\n")));
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("hi there", in.readLine());
            client.close();
            assertEquals(Tuple.of(Atom.ERROR, Atom.of("closed")), GenTcp.recv(conn, 5000));
        }
        assertEquals(Atom.OK, GenTcp.close(listen));
        assertEquals(Tuple.of(Atom.ERROR, Atom.of("closed")), GenTcp.accept(listen, 10));
    }

    @Test
    void activeModeMessagesGoToTheControllingProcess() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, LINES));
        try (Socket client = new Socket("127.0.0.1", port(listen))) {
            TcpSocket conn = ok(GenTcp.accept(listen, 5000));
            Pid self = me.self();
            Pid worker = node.spawn(ctx -> {
                while (true) ctx.send(self, Tuple.of(Atom.of("got"), ctx.receive()));
            });
            Pid stranger = node.spawn(ctx -> ctx.send(self, GenTcp.controllingProcess(conn, ctx.self())));
            assertEquals(Tuple.of(Atom.ERROR, Atom.of("not_owner")), me.receive(5000));
            assertEquals(Atom.OK, GenTcp.controllingProcess(conn, worker));
            assertEquals(Atom.OK, GenTcp.setopts(conn, List.of(Tuple.of(Atom.of("active"), Boolean.TRUE))));
            client.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(Tuple.of(Atom.of("got"), Tuple.of(Atom.of("tcp"), conn, "ping\n")), me.receive(5000));
            client.close();
            assertEquals(Tuple.of(Atom.of("got"), Tuple.of(Atom.of("tcp_closed"), conn)), me.receive(5000));
            assertFalse(conn.isOpen());
            assertTrue(stranger.number() > 0);
        }
    }

    @Test
    void aSocketClosesWhenItsOwnerDies() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, LINES));
        int port = port(listen);
        try (Socket client = new Socket("127.0.0.1", port)) {
            Pid self = me.self();
            Pid owner = node.spawn(ctx -> {
                ctx.send(self, GenTcp.accept(listen, 5000));
                ctx.receive();
            });
            TcpSocket conn = ok(me.receive(5000));
            assertEquals(owner, conn.owner());
            node.exit(self, owner, Atom.KILL);
            assertEquals(-1, client.getInputStream().read());
            assertFalse(conn.isOpen());
        }
        // the listening socket dies with its owner too, and its port can be listened on again
        Pid listener = node.spawn(ctx -> {
            ok(GenTcp.listen(0, LINES));
            ctx.receive();
        });
        node.exit(me.self(), listener, Atom.KILL);
        GenTcp.close(listen);
        TcpSocket again = ok(GenTcp.listen(port, LINES));
        assertEquals(port, port(again));
        assertEquals(Tuple.of(Atom.ERROR, Atom.of("eaddrinuse")), GenTcp.listen(port, LINES));
    }

    /** As a supervisor restarting a listener: by the time the {:EXIT} arrives, the port is free. */
    @Test
    void aDeadOwnersPortIsFreeBeforeItsLinksHearOfTheDeath() {
        me.trapExit(true);
        Pid self = me.self();
        Pid listener = node.spawn(ctx -> {
            ctx.link(self);
            ctx.send(self, GenTcp.port(ok(GenTcp.listen(0, LINES))));
            ctx.receive();
        });
        int port = (Integer) ((Tuple) me.receive(5000)).get(1);
        node.exit(self, listener, Atom.KILL);
        assertEquals(Tuple.of(Atom.EXIT, listener, Atom.KILLED), me.receive(5000));
        assertEquals(port, port(ok(GenTcp.listen(port, LINES))));
    }

    @Test
    void connectAndBadData() throws IOException {
        TcpSocket listen = ok(GenTcp.listen(0, LINES));
        TcpSocket out = ok(GenTcp.connect(Tuple.of(127, 0, 0, 1), port(listen), LINES, 5000));
        TcpSocket in = ok(GenTcp.accept(listen, 5000));
        assertEquals(Atom.OK, GenTcp.send(out, new byte[] {(byte) 0xff, '\n'}));
        Object got = ((Tuple) GenTcp.recv(in, 5000)).get(1);
        assertEquals("<<255, 10>>", got.toString(), "bytes that are no UTF-8 are a binary term");
        assertTrue(procshell.runtime.node.Bitstring.isBinary(got), "is_binary/1 holds for them");
        try {
            GenTcp.send(out, 3.5);
        } catch (IllegalArgumentException badarg) {
            assertEquals("argument error", badarg.getMessage());
        }
        GenTcp.close(out);
        assertEquals(Tuple.of(Atom.ERROR, Atom.of("closed")), GenTcp.send(out, "x"));
        int port = port(listen);
        GenTcp.close(listen);
        assertEquals(Tuple.of(Atom.ERROR, Atom.of("econnrefused")), GenTcp.connect("127.0.0.1", port, LINES, 5000));
    }
}
