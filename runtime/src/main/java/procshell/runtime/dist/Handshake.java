package procshell.runtime.dist;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The distribution handshake of OTP 23 and later (erl_dist_protocol, "Distribution Handshake",
 * version 6 'N' messages): names and flags are exchanged, then each side proves it knows the
 * cookie by answering the other's random challenge with {@code MD5(cookie ++ challenge)}.
 * Messages are 2-byte-length framed; anything else, or an answer that does not match, fails the
 * handshake with a {@link HandshakeException}.
 */
final class Handshake {
    /** What the other side told about itself. */
    record Peer(String name, long flags, int creation) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_MESSAGE = 2 + 8 + 4 + 4 + 2 + 1024;

    private final String localName;
    private final int creation;
    private final String cookie;

    Handshake(String localName, int creation, String cookie) {
        this.localName = localName;
        this.creation = creation;
        this.cookie = cookie;
    }

    /**
     * The connecting side (A in the protocol description).
     *
     * @param expected the node we meant to reach, checked against the name it gives
     * @throws HandshakeException when B refuses (status {@code nok}: it wins a simultaneous
     *         connection; {@code alive}: a connection exists), the cookies differ, or B's bytes are
     *         no handshake
     */
    Peer initiate(InputStream rawIn, OutputStream rawOut, String expected) throws IOException, HandshakeException {
        DataInputStream in = new DataInputStream(rawIn);
        DataOutputStream out = new DataOutputStream(rawOut);
        byte[] name = localName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer m = ByteBuffer.allocate(1 + 8 + 4 + 2 + name.length);
        m.put((byte) 'N').putLong(DistFlags.OFFERED).putInt(creation).putShort((short) name.length).put(name);
        send(out, m.array());

        ByteBuffer status = receive(in);
        if (status.get() != 's') throw new HandshakeException("expected a status message from " + expected, null);
        String st = new String(status.array(), 1, status.limit() - 1, StandardCharsets.UTF_8);
        if (st.equals("alive")) {
            send(out, "sfalse".getBytes(StandardCharsets.UTF_8)); // a connection exists already: keep it
            throw new HandshakeException("status alive: " + expected + " has a connection to us already", null);
        }
        if (!st.equals("ok") && !st.equals("ok_simultaneous")) throw new HandshakeException("status " + st, null);

        ByteBuffer ch = receive(in);
        if (ch.remaining() < 1 + 8 + 4 + 4 + 2 || ch.get() != 'N') throw new HandshakeException("expected a version 6 challenge from " + expected, null);
        long flags = ch.getLong();
        int challenge = ch.getInt();
        int peerCreation = ch.getInt();
        String peerName = name(ch);
        String missing = DistFlags.missing(flags);
        if (missing != null) throw new HandshakeException(expected + " lacks the distribution flags " + missing, null);
        if (!peerName.equals(expected)) throw new HandshakeException("reached " + peerName + " instead of " + expected, null);

        int ours = RANDOM.nextInt();
        ByteBuffer reply = ByteBuffer.allocate(1 + 4 + 16);
        reply.put((byte) 'r').putInt(ours).put(Cookie.digest(challenge, cookie));
        send(out, reply.array());

        ByteBuffer ack;
        try {
            ack = receive(in);
        } catch (IOException e) {
            // The BEAM closes without a word when our digest is wrong: the cookies differ.
            throw new HandshakeException("connection to " + expected + " refused (is the cookie the same on both nodes?)", null);
        }
        if (ack.remaining() != 17 || ack.get() != 'a') throw new HandshakeException("expected a challenge ack from " + expected, null);
        byte[] digest = new byte[16];
        ack.get(digest);
        if (!MessageDigest.isEqual(digest, Cookie.digest(ours, cookie))) {
            throw new HandshakeException("invalid challenge ack from " + expected,
                    "** Connection attempt to node " + atom(expected) + " cancelled. Invalid challenge ack. **");
        }
        return new Peer(peerName, flags, peerCreation);
    }

    /**
     * The accepting side (B in the protocol description).
     *
     * @param admit decides the status to send for the node that calls: {@code ok}, {@code nok}
     *              (a simultaneous connection we win) or {@code alive}
     */
    Peer accept(InputStream rawIn, OutputStream rawOut, java.util.function.Function<String, String> admit)
            throws IOException, HandshakeException {
        DataInputStream in = new DataInputStream(rawIn);
        DataOutputStream out = new DataOutputStream(rawOut);
        ByteBuffer m = receive(in);
        int tag = m.get();
        if (tag == 'n') {
            send(out, "snot_allowed".getBytes(StandardCharsets.UTF_8));
            throw new HandshakeException("a node with a distribution version older than 6 (OTP 23) called", null);
        }
        if (tag != 'N' || m.remaining() < 8 + 4 + 2) throw new HandshakeException("expected a version 6 name message", null);
        long flags = m.getLong();
        int peerCreation = m.getInt();
        String peerName = name(m);
        if (!peerName.matches("[^@\\s]+@[^@\\s]+")) {
            throw new HandshakeException("bad node name " + peerName, "** Connection attempt from node with bad name " + peerName + " **");
        }
        String missing = DistFlags.missing(flags);
        if (missing != null) {
            send(out, "snot_allowed".getBytes(StandardCharsets.UTF_8));
            throw new HandshakeException(peerName + " lacks the distribution flags " + missing,
                    "** Connection attempt from node " + atom(peerName) + " rejected since it cannot handle [" + missing + "].**");
        }
        String status = admit.apply(peerName);
        send(out, ("s" + status).getBytes(StandardCharsets.UTF_8));
        if (!status.startsWith("ok")) throw new HandshakeException("refused " + peerName + ": " + status, null);

        int ours = RANDOM.nextInt();
        byte[] name = localName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer ch = ByteBuffer.allocate(1 + 8 + 4 + 4 + 2 + name.length);
        ch.put((byte) 'N').putLong(DistFlags.OFFERED).putInt(ours).putInt(creation).putShort((short) name.length).put(name);
        send(out, ch.array());

        ByteBuffer reply = receive(in);
        if (reply.remaining() != 21 || reply.get() != 'r') throw new HandshakeException("expected a challenge reply from " + peerName, null);
        int theirs = reply.getInt();
        byte[] digest = new byte[16];
        reply.get(digest);
        if (!MessageDigest.isEqual(digest, Cookie.digest(ours, cookie))) {
            throw new HandshakeException("invalid challenge reply from " + peerName,
                    "** Connection attempt from node " + atom(peerName) + " rejected. Invalid challenge reply. **");
        }
        ByteBuffer ack = ByteBuffer.allocate(17);
        ack.put((byte) 'a').put(Cookie.digest(theirs, cookie));
        send(out, ack.array());
        return new Peer(peerName, flags, peerCreation);
    }

    /** A node name as Elixir's Logger shows it: {@code :b@localhost}. */
    private static String atom(String name) {
        return procshell.runtime.inspect.Inspect.inspectAtom(procshell.runtime.node.Atom.of(name));
    }

    private static String name(ByteBuffer b) throws HandshakeException {
        int len = b.getShort() & 0xffff;
        if (len > b.remaining() || len == 0) throw new HandshakeException("bad node name length " + len, null);
        byte[] n = new byte[len];
        b.get(n);
        return new String(n, StandardCharsets.UTF_8);
    }

    private static void send(DataOutputStream out, byte[] message) throws IOException {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
    }

    private static ByteBuffer receive(DataInputStream in) throws IOException, HandshakeException {
        int len = in.readUnsignedShort();
        if (len == 0 || len > MAX_MESSAGE) throw new HandshakeException("handshake message of " + len + " bytes", null);
        byte[] b = new byte[len];
        in.readFully(b);
        return ByteBuffer.wrap(b);
    }
}
