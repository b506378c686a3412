package procshell.runtime.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The options of {@code :gen_tcp.listen/2} and {@code :inet.setopts/2} that sockets here
 * understand: {@code :binary} / {@code :list} (data as a binary or a list of bytes; {@code :list}
 * is gen_tcp's default), {@code packet: :line | :raw | 0 | 1 | 2 | 4} (one message per line, per
 * chunk read, or per packet after a big-endian length header of 1, 2 or 4 bytes), {@code active: true | false | :once}, {@code ip: {a, b, c, d}} (127.0.0.1 unless given),
 * {@code packet_size: n} (the longest line or packet accepted, 0 for no limit: a longer one is the error
 * {@code :emsgsize}), {@code buffer: n} (the driver's buffer: a line without a newline in its
 * first n bytes comes in pieces of n bytes; 1460 by default, as inet's), {@code recbuf: n} (also
 * sets {@code buffer}, as inet does), {@code reuseaddr: boolean} (always on here); other gen_tcp
 * options are accepted and ignored.
 *
 * @param binary     true for {@code :binary}
 * @param line       true for {@code packet: :line}
 * @param header     the length header's size in bytes for {@code packet: 1 | 2 | 4}, else 0
 * @param active     {@code true}, {@code false} or {@code :once}
 * @param ip         the address to listen on
 * @param packetSize the longest line in bytes, 0 for no limit
 * @param buffer     the buffer size in bytes: the longest piece of a line
 */
record TcpOptions(boolean binary, boolean line, int header, Object active, InetAddress ip, int packetSize, int buffer) {
    static final Atom ONCE = Atom.of("once");
    private static final Atom BINARY = Atom.of("binary");
    private static final Atom LIST = Atom.of("list");
    private static final Atom PACKET = Atom.of("packet");
    private static final Atom ACTIVE = Atom.of("active");
    private static final Atom IP = Atom.of("ip");
    private static final Atom LINE = Atom.of("line");
    private static final Atom RAW = Atom.of("raw");
    private static final Atom PACKET_SIZE = Atom.of("packet_size");
    private static final Atom BUFFER = Atom.of("buffer");
    private static final Atom RECBUF = Atom.of("recbuf");
    /** The other option names gen_tcp and inet take (accepted here and ignored); any other is badarg. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("reuseaddr", "reuseport", "reuseport_lb",
            "nodelay", "keepalive", "backlog", "send_timeout", "send_timeout_close", "exit_on_close", "delay_send",
            "header", "linger", "mode", "priority", "tos", "tclass", "deliver", "high_watermark", "low_watermark",
            "high_msgq_watermark", "low_msgq_watermark", "show_econnreset", "sndbuf", "port", "ifaddr", "fd",
            "line_delimiter", "dontroute", "bind_to_device", "netns", "nopush", "ipv6_v6only", "recvtos",
            "recvttl", "recvtclass", "tcp_module", "inet_backend", "debug", "raw");
    /** inet's default {@code buffer} for TCP. */
    static final int DEFAULT_BUFFER = 1460;

    static final TcpOptions DEFAULT = new TcpOptions(false, false, 0, Boolean.TRUE, InetAddress.getLoopbackAddress(), 0, DEFAULT_BUFFER);

    /**
     * Reads an option list on top of {@code base}.
     *
     * @throws IllegalArgumentException for an option value gen_tcp would refuse ({@code :badarg})
     */
    static TcpOptions parse(List<?> options, TcpOptions base) {
        boolean binary = base.binary;
        boolean line = base.line;
        int header = base.header;
        Object active = base.active;
        InetAddress ip = base.ip;
        int packetSize = base.packetSize;
        int buffer = base.buffer;
        Integer recbuf = null;
        boolean bufferGiven = false;
        for (Object o : options) {
            if (BINARY.equals(o)) {
                binary = true;
            } else if (LIST.equals(o)) {
                binary = false;
            } else if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom name) {
                Object v = t.get(1);
                if (PACKET.equals(name)) {
                    if (LINE.equals(v)) {
                        line = true;
                        header = 0;
                    } else if (RAW.equals(v) || Integer.valueOf(0).equals(v)) {
                        line = false;
                        header = 0;
                    } else if (Integer.valueOf(1).equals(v) || Integer.valueOf(2).equals(v) || Integer.valueOf(4).equals(v)) {
                        line = false;
                        header = (Integer) v;
                    } else {
                        throw badarg();
                    }
                } else if (ACTIVE.equals(name)) {
                    if (!(v instanceof Boolean) && !ONCE.equals(v)) throw badarg();
                    active = v;
                } else if (IP.equals(name)) {
                    ip = address(v);
                } else if (PACKET_SIZE.equals(name)) {
                    packetSize = size(v, 0);
                } else if (BUFFER.equals(name)) {
                    buffer = size(v, 1);
                    bufferGiven = true;
                } else if (RECBUF.equals(name)) {
                    recbuf = size(v, 1);
                } else if (!KNOWN.contains(name.name())) {
                    throw badarg();
                }
            } else if (!(o instanceof Atom a && (a.name().equals("inet") || a.name().equals("inet6")))) {
                throw badarg();
            }
        }
        if (recbuf != null && !bufferGiven) buffer = recbuf;
        return new TcpOptions(binary, line, header, active, ip, packetSize, buffer);
    }

    /** The same options with another {@code active}. */
    TcpOptions withActive(Object nextActive) {
        return new TcpOptions(binary, line, header, nextActive, ip, packetSize, buffer);
    }

    /** A size option: an integer of at least {@code min} (capped at 2^31-1). */
    private static int size(Object v, int min) {
        if (!(v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) || ((Number) v).longValue() < min
                || v instanceof java.math.BigInteger b && b.signum() < 0) {
            throw badarg();
        }
        return v instanceof java.math.BigInteger ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, ((Number) v).longValue());
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
