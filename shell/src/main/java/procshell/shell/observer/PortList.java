package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.observe.OpenPort;
import procshell.runtime.process.LocalProcess;

/**
 * The Ports tab as text: one row per open port with observer_cli's inet columns, Port, Type, Owner
 * (pid and registered name), Local Address, Peer Address, State, Recv and Sent (bytes; {@code -}
 * where the runtime does not count them).
 *
 * <pre>
 * Port       Type        Owner              Local Address    Peer Address     State      Recv  Sent
 * #Port&lt;0.1&gt;  tcp listen  &lt;0.110.0&gt;          127.0.0.1:4040   -                listen        -     -
 * #Port&lt;0.2&gt;  tcp         &lt;0.112.0&gt;          127.0.0.1:4040   127.0.0.1:51234  connected     6    12
 * </pre>
 */
public final class PortList {
    /** The column headers. */
    public static final List<String> COLUMNS = List.of("Port", "Type", "Owner", "Local Address", "Peer Address", "State", "Recv", "Sent");
    private static final boolean[] RIGHT = {false, false, false, false, false, false, true, true};

    private PortList() {}

    /** The header and one line per port, in the given order. */
    public static List<String> lines(Node node, List<OpenPort> ports) {
        List<List<String>> rows = new ArrayList<>(ports.size());
        for (OpenPort p : ports) {
            String owner = "-";
            if (p.owner() != null) {
                LocalProcess o = node.process(p.owner());
                Atom name = o == null ? null : o.registeredName();
                owner = ErlangText.pid(p.owner()) + (name != null ? " " + name.name() : "");
            }
            rows.add(List.of(p.id(), p.type(), owner, OpenPort.address(p.local()), OpenPort.address(p.peer()), p.state(),
                    bytes(p.bytesIn()), bytes(p.bytesOut())));
        }
        return Columns.lines(COLUMNS, RIGHT, rows);
    }

    private static String bytes(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }
}
