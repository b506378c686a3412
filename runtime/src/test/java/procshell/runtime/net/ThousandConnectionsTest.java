package procshell.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.gproc.Gproc;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.runtime.otp.DynamicSupervisor;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/**
 * Chapter 10's listener at scale: a listener accepts 1,000 concurrent loopback connections, each
 * served by a worker under a DynamicSupervisor that registers the gproc property
 * {@code {:p, :l, :connection}} and echoes lines. All held at once, then all closed by the
 * clients: every worker exits, no process is left over, and the gproc table is empty.
 */
class ThousandConnectionsTest {
    private static final int CONNECTIONS = 1000;
    private static final Tuple CONNECTION = Tuple.of(Atom.of("p"), Atom.of("l"), Atom.of("connection"));
    @RegisterExtension
    final TestNode rt = new TestNode();
    private Node node;
    private ProcessContext me;

    @BeforeEach
    void bind() {
        node = rt.node();
        me = rt.self();
    }

    /** A connection's worker: registers the property, echoes each line, stops when the peer closes. */
    static final class Worker extends GenServer {
        @Override
        public Object init(Object socket) {
            Gproc.reg(CONNECTION, socket);
            return Tuple.of(Atom.OK, socket);
        }

        @Override
        public Object handleInfo(Object message, Object socket) {
            Tuple m = (Tuple) message;
            if (m.isTagged(Atom.of("tcp"), 3)) {
                GenTcp.send((TcpSocket) socket, "echo: " + m.get(2));
                return Tuple.of(Atom.of("noreply"), socket);
            }
            if (m.isTagged(Atom.of("tcp_closed"), 2)) return Tuple.of(Atom.of("stop"), Atom.NORMAL, socket);
            return super.handleInfo(message, socket);
        }
    }

    @Test
    void aThousandConnectionsHeldAndClosedLeaveNothingBehind() throws IOException {
        Pid sup = (Pid) ((Tuple) DynamicSupervisor.startLink(DynamicSupervisor.Flags.defaults(), Atom.of("workers"))).get(1);
        // the gproc server (started by the first registration) is there before the count is taken
        Gproc.reg(Tuple.of(Atom.of("p"), Atom.of("l"), Atom.of("warm_up")));
        Gproc.goodbye();
        Pid self = me.self();
        Pid listener = node.spawn(ctx -> {
            TcpSocket listen = (TcpSocket) ((Tuple) GenTcp.listen(0, GenTcpTest.LINES)).get(1);
            ctx.send(self, GenTcp.port(listen));
            while (true) {
                Object accepted = GenTcp.accept(listen, -1);
                if (!(accepted instanceof Tuple t && t.isTagged(Atom.OK, 2))) return;
                TcpSocket socket = (TcpSocket) t.get(1);
                ChildSpec spec = ChildSpec.worker(Atom.of("worker"),
                        () -> GenServer.startLink(new Worker(), socket, StartOptions.DEFAULT)).withRestart(Atom.of("temporary"));
                Pid worker = (Pid) ((Tuple) DynamicSupervisor.startChild(sup, spec)).get(1);
                GenTcp.controllingProcess(socket, worker);
                GenTcp.setopts(socket, List.of(Tuple.of(Atom.of("active"), Boolean.TRUE)));
            }
        });
        int port = (Integer) ((Tuple) me.receive(20_000)).get(1);
        int before = node.processCount();

        List<Socket> clients = new ArrayList<>(CONNECTIONS);
        try {
            for (int i = 0; i < CONNECTIONS; i++) clients.add(new Socket("127.0.0.1", port));
            for (int i = 0; i < CONNECTIONS; i++) {
                clients.get(i).getOutputStream().write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                BufferedReader in = new BufferedReader(new InputStreamReader(clients.get(i).getInputStream(), StandardCharsets.UTF_8));
                assertEquals("echo: line " + i, in.readLine());
            }
            assertEquals(CONNECTIONS, Gproc.lookupPids(CONNECTION).size());
            assertEquals(before + CONNECTIONS, node.processCount());
        } finally {
            for (Socket c : clients) c.close();
        }
        // the supervisor takes each worker's exit from its mailbox in its own time
        Await.until("every worker gone, and its supervisor told", () -> node.processCount() == before
                && DynamicSupervisor.countChildren(sup).get(Atom.of("active")) instanceof Number n && n.longValue() == 0);
        // the gproc server processes each worker's :DOWN; only its own table is left, empty
        Await.until("the gproc table is empty", () -> node.tables().named(Atom.of("gproc")).size() == 0);
        assertEquals(List.of(), Gproc.lookupPids(CONNECTION));
        assertTrue(node.isAlive(listener));
    }
}
