package procshell.shell.observer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.OpenPort;

/**
 * The Table Viewer and Ports tabs of another node, read over rpc with the BEAM's own functions:
 * {@code :ets.all/0} and {@code :ets.info/1} for the tables; {@code :erlang.ports/0},
 * {@code :erlang.port_info/1}, {@code :inet.sockname/1} and {@code :inet.peername/1} for the
 * ports, which close with {@code :erlang.port_close/1} there.
 */
final class RemoteTabs {
    /** Bytes per word of the observed node's memory figures (a 64-bit BEAM). */
    private static final long WORD = 8;
    private final RpcNode node;

    RemoteTabs(RpcNode node) {
        this.node = node;
    }

    /** The tables' rows with the Table Viewer's columns ({@link procshell.shell.iex.TableViewer#COLUMNS}), sorted by name. */
    List<List<String>> tables() {
        List<List<String>> rows = new ArrayList<>();
        Map<Pid, String> names = new HashMap<>();
        if (!(node.call("ets", "all", List.of()) instanceof List<?> all)) return rows;
        for (Object t : all) {
            Map<String, Object> info = keywords(node.call("ets", "info", List.of(t)));
            if (info.isEmpty()) continue; // deleted meanwhile
            Pid owner = info.get("owner") instanceof Pid p ? p : null;
            String ownerName = owner == null ? "" : names.computeIfAbsent(owner, this::registeredName);
            rows.add(List.of(info.get("name") instanceof Atom a ? a.name() : String.valueOf(info.get("name")),
                    String.valueOf(info.get("size")), Long.toString(number(info.get("memory")) * WORD / 1024),
                    owner == null ? "" : ErlangText.pid(owner), ownerName,
                    t instanceof Atom ? "" : procshell.runtime.inspect.Inspect.inspect(t).replace("#Reference<", "#Ref<")));
        }
        rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return rows;
    }

    private String registeredName(Pid pid) {
        return node.call("erlang", "process_info", List.of(pid, Atom.of("registered_name"))) instanceof Tuple t
                && t.get(1) instanceof Atom a ? a.name() : "";
    }

    /**
     * The node's ports as {@link OpenPort}s: type from the driver's name ({@code tcp_inet}, ...),
     * owner the connected process, addresses from {@code :inet}, bytes from {@code port_info}'s
     * input and output; each closes with {@code :erlang.port_close/1} there.
     */
    List<OpenPort> ports() {
        List<OpenPort> out = new ArrayList<>();
        if (!(node.call("erlang", "ports", List.of()) instanceof List<?> all)) return out;
        for (Object port : all) {
            Map<String, Object> info = keywords(node.call("erlang", "port_info", List.of(port)));
            if (info.isEmpty()) continue; // closed meanwhile
            String type = info.get("name") instanceof List<?> chars ? RpcNode.charlist(chars) : String.valueOf(info.get("name"));
            InetSocketAddress local = null;
            InetSocketAddress peer = null;
            String state = "open";
            if (type.endsWith("_inet")) {
                local = address(node.call("inet", "sockname", List.of(port)));
                peer = address(node.call("inet", "peername", List.of(port)));
                state = peer != null ? "connected" : "listen";
            }
            out.add(new OpenPort(port.toString(), type, info.get("connected") instanceof Pid p ? p : null, local, peer, state,
                    number(info.get("input")), number(info.get("output")),
                    () -> node.call("erlang", "port_close", List.of(port))));
        }
        return out;
    }

    /** {@code {:ok, {{127, 0, 0, 1}, 4000}}} as an address; null for an error. */
    private static InetSocketAddress address(Object reply) {
        if (!(reply instanceof Tuple ok && ok.size() == 2 && Atom.OK.equals(ok.get(0)) && ok.get(1) instanceof Tuple a && a.size() == 2
                && a.get(0) instanceof Tuple ip && a.get(1) instanceof Number port)) return null;
        byte[] bytes = new byte[ip.size()];
        for (int i = 0; i < ip.size(); i++) bytes[i] = (byte) ((Number) ip.get(i)).intValue();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port.intValue());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Map<String, Object> keywords(Object list) {
        Map<String, Object> out = new HashMap<>();
        if (list instanceof List<?> l) for (Object kv : l) if (kv instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom k) out.put(k.name(), t.get(1));
        return out;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }
}
