package procshell.runtime.observe;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.dist.Distribution;
import procshell.runtime.net.TcpSocket;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;

/**
 * A node's open ports, as {@code :erlang.ports/0} and {@code :erlang.port_info/1} (with
 * {@code :inet.sockname/1}, {@code :inet.peername/1} and {@code :inet.getstat/2}) describe them: the
 * sockets of {@code :gen_tcp} (listening and connected, with their owner and bytes in and out), and
 * when the node is distributed its listener, a connection per connected node and the connection to
 * the port mapper (owned by {@code net_kernel}; the runtime counts no bytes on them).
 */
public final class OpenPorts {
    private static final Atom NET_KERNEL = Atom.of("net_kernel");

    private OpenPorts() {}

    /** The node's open ports now: sockets in the order they were opened, then the distribution's. */
    public static List<OpenPort> of(Node node) {
        List<OpenPort> out = new ArrayList<>();
        for (TcpSocket s : TcpSocket.open(node)) {
            if (!s.isOpen()) continue;
            boolean listening = s.isListening();
            out.add(new OpenPort(s.toString(), listening ? "tcp listen" : "tcp", s.owner(), s.localAddress(), s.peerAddress(),
                    listening ? "listen" : "connected", listening ? -1 : s.bytesReceived(), listening ? -1 : s.bytesSent(), s::close));
        }
        if (node.remote() instanceof Distribution d) {
            Pid netKernel = node.whereis(NET_KERNEL);
            out.add(new OpenPort("-", "dist listen", netKernel, d.listenAddress(), null, "listen", -1, -1, null));
            for (Distribution.Channel c : d.channels()) {
                Atom peer = c.peer();
                out.add(new OpenPort("-", "dist " + peer.name(), netKernel, c.local(), c.remote(), "connected", -1, -1,
                        () -> d.disconnect(peer)));
            }
            Distribution.Channel epmd = d.portMapperChannel();
            if (epmd != null) out.add(new OpenPort("-", "epmd", netKernel, epmd.local(), epmd.remote(), "connected", -1, -1, null));
        }
        return out;
    }
}
