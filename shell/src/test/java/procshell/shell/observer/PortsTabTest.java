package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Node;
import procshell.runtime.observe.OpenPorts;
import procshell.shell.console.Shell;
import procshell.shell.iex.IexSession;

/**
 * {@code observer()}'s Ports tab, key by key: it lists a known listening socket and a connection
 * with their owner, addresses, state and the bytes each side read and wrote; {@code k} then
 * {@code y} closes the selected socket as {@code Port.close/1} would.
 */
@Timeout(60)
class PortsTabTest {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 20;
    private static final Pattern PORT = Pattern.compile("port=(\\d+)");
    private Shell shell;
    private Node node;

    @AfterEach
    void stop() {
        if (node != null) node.detach();
        if (shell != null) shell.shutdown();
    }

    @Test
    void thePortsTabListsAListenSocketAndAConnectionAndKClosesOne() {
        shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        String inputs = String.join("\n",
                "{:ok, l} = :gen_tcp.listen(0, [:binary, active: false])",
                "{:ok, port} = :inet.port(l); IO.puts(\"port=#{port}\")",
                "{:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, port, [:binary, active: false])",
                "{:ok, a} = :gen_tcp.accept(l)",
                ":ok = :gen_tcp.send(c, \"hello\")",
                "{:ok, \"hello\"} = :gen_tcp.recv(a, 5)",
                ":ok = :gen_tcp.send(a, \"hi, there\")",
                "{:ok, \"hi, there\"} = :gen_tcp.recv(c, 9)") + "\n";
        shell.piped(new BufferedReader(new StringReader(inputs)), new PrintWriter(out, true)).run();
        assertFalse(out.toString().contains("** ("), out::toString);
        Matcher m = PORT.matcher(out.toString());
        assertTrue(m.find(), out::toString);
        String listen = "127.0.0.1:" + m.group(1);
        node = shell.node();
        node.attach();
        ObserverView view = new ObserverView(IexSession.of(node));

        assertTrue(view.handle(ObserverKey.PORTS));
        List<String> f = text(view);
        assertEquals("  1 Processes   2 Supervision Trees   3 Table Viewer   4 Ports", f.get(1));
        assertEquals(PortList.COLUMNS, ObserverViewsTest.cells(f.get(3)));
        List<String> l = ObserverViewsTest.cells(f.get(4));
        String shellPid = l.get(2);
        assertTrue(shellPid.matches("<0\\.\\d+\\.0>"), shellPid);
        assertEquals(List.of("#Port<0.1>", "tcp listen", shellPid, listen, "-", "listen", "-", "-"), l);
        List<String> c = ObserverViewsTest.cells(f.get(5));
        assertEquals(List.of("#Port<0.2>", "tcp", shellPid), c.subList(0, 3));
        assertEquals(List.of(listen, "connected", "9", "5"), c.subList(4, 8), "the client wrote 5 bytes and read 9");
        List<String> a = ObserverViewsTest.cells(f.get(6));
        assertEquals(List.of("#Port<0.3>", "tcp", shellPid, listen, c.get(3), "connected", "5", "9"), a, "the accepted end");

        view.handle(ObserverKey.DOWN);
        view.handle(ObserverKey.KILL);
        assertEquals("Close #Port<0.2> (tcp " + c.get(3) + ")? y/n", text(view).get(2));
        view.handle(ObserverKey.YES);
        List<String> after = text(view);
        assertEquals("Closed #Port<0.2> (tcp)", after.get(2));
        assertEquals(List.of("#Port<0.1>", "#Port<0.3>"), List.of(ObserverViewsTest.cells(after.get(4)).get(0), ObserverViewsTest.cells(after.get(5)).get(0)));
        assertEquals(2, OpenPorts.of(node).size(), "the socket is closed, not just hidden");
    }

    private static List<String> text(ObserverView view) {
        return view.frame(WIDTH, HEIGHT).stream().map(l -> l.toString().stripTrailing()).toList();
    }
}
