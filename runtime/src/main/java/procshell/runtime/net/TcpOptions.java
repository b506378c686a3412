package procshell.runtime.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The options of {@code :gen_tcp.listen/2} and {@code :inet.setopts/2} that sockets here
 * understand: {@code :binary} / {@code :list} (data as a string or a charlist; {@code :list} is
 * gen_tcp's default), {@code packet: :line | :raw | 0} (one message per line, or per chunk
 * read), {@code active: true | false | :once}, {@code ip: {a, b, c, d}} (127.0.0.1 unless given),
 * {@code reuseaddr: boolean} (always on here); other gen_tcp options are accepted and ignored.
 *
 * @param binary true for {@code :binary}
 * @param line   true for {@code packet: :line}
 * @param active {@code true}, {@code false} or {@code :once}
 * @param ip     the address to listen on
 */
record TcpOptions(boolean binary, boolean line, Object active, InetAddress ip) {
    static final Atom ONCE = Atom.of("once");
    private static final Atom BINARY = Atom.of("binary");
    private static final Atom LIST = Atom.of("list");
    private static final Atom PACKET = Atom.of("packet");
    private static final Atom ACTIVE = Atom.of("active");
    private static final Atom IP = Atom.of("ip");
    private static final Atom LINE = Atom.of("line");
    private static final Atom RAW = Atom.of("raw");

    static final TcpOptions DEFAULT = new TcpOptions(false, false, Boolean.TRUE, InetAddress.getLoopbackAddress());

    /**
     * Reads an option list on top of {@code base}.
     *
     * @throws IllegalArgumentException for an option value gen_tcp would refuse ({@code :badarg})
     */
    static TcpOptions parse(List<?> options, TcpOptions base) {
        boolean binary = base.binary;
        boolean line = base.line;
        Object active = base.active;
        InetAddress ip = base.ip;
        for (Object o : options) {
            if (BINARY.equals(o)) {
                binary = true;
            } else if (LIST.equals(o)) {
                binary = false;
            } else if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom name) {
                Object v = t.get(1);
                if (PACKET.equals(name)) {
                    if (LINE.equals(v)) line = true;
                    else if (RAW.equals(v) || Integer.valueOf(0).equals(v)) line = false;
                    else throw badarg();
                } else if (ACTIVE.equals(name)) {
                    if (!(v instanceof Boolean) && !ONCE.equals(v)) throw badarg();
                    active = v;
                } else if (IP.equals(name)) {
                    ip = address(v);
                }
            } else if (!(o instanceof Atom)) {
                throw badarg();
            }
        }
        return new TcpOptions(binary, line, active, ip);
    }

    private static InetAddress address(Object v) {
        if (v instanceof Tuple t && t.size() == 4) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (!(t.get(i) instanceof Number n) || n.intValue() < 0 || n.intValue() > 255) throw badarg();
                b[i] = (byte) n.intValue();
            }
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw badarg();
            }
        }
        throw badarg();
    }

    static IllegalArgumentException badarg() {
        return new IllegalArgumentException("argument error");
    }
}
