package procshell.runtime.dist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * One established connection to another node: 4-byte-length frames, each a pass-through byte
 * (112), a control message and, for sends, the message, both in the external term format; a frame
 * of length 0 is a tick. A frame over the size limit, or one that does not decode, closes this
 * connection (and only this one) with a log line.
 */
final class Connection {
    /** Marks a frame that carries no message after its control message. */
    static final Object NO_MESSAGE = new Object();
    private static final int PASS_THROUGH = 112;

    private final Distribution dist;
    private final Socket socket;
    private final Atom peer;
    private final long flags;
    private final int creation;
    private final DataInputStream in;
    private final DataOutputStream out;
    private volatile long lastRead = System.nanoTime();
    private volatile long lastWrite = System.nanoTime();
    private volatile boolean closed;

    Connection(Distribution dist, Socket socket, Handshake.Peer peer) throws IOException {
        this.dist = dist;
        this.socket = socket;
        this.peer = dist.table().local().atoms().intern(peer.name());
        this.flags = peer.flags();
        this.creation = peer.creation();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** The node at the other end. */
    Atom peer() {
        return peer;
    }

    /** The TCP connection to the other node (for read-only facts: its addresses). */
    Socket socket() {
        return socket;
    }

    /** The other node's creation, from the handshake. */
    int creation() {
        return creation;
    }

    /** True when the other node speaks OTP 26's UNLINK_ID protocol. */
    boolean unlinkId() {
        return (flags & DistFlags.UNLINK_ID) != 0;
    }

    /** True when the other node takes messages sent to a process alias (OTP 24+). */
    boolean aliases() {
        return (flags & DistFlags.ALIAS) != 0;
    }

    boolean isClosed() {
        return closed;
    }

    /** Starts reading frames on a thread of its own. */
    void start() {
        Thread.ofVirtual().name("procshell-dist-" + peer.name()).start(this::readLoop);
    }

    private void readLoop() {
        String why = "connection closed";
        try {
            while (!closed) {
                int len = in.readInt();
                lastRead = System.nanoTime();
                if (len == 0) continue; // a tick
                if (len < 0 || len > dist.maxFrameBytes()) {
                    dist.malformed(this, "frame of " + Integer.toUnsignedLong(len) + " bytes exceeds the limit of "
                            + dist.maxFrameBytes());
                    return;
                }
                byte[] frame = new byte[len];
                in.readFully(frame);
                if (!handle(frame)) return;
            }
        } catch (EOFException e) {
            why = "connection closed by " + peer.name();
        } catch (IOException e) {
            why = closed ? "closed" : e.getMessage();
        } finally {
            close(why);
        }
    }

    private boolean handle(byte[] frame) {
        if ((frame[0] & 0xff) != PASS_THROUGH) {
            dist.malformed(this, "frame type " + (frame[0] & 0xff) + ", expected " + PASS_THROUGH);
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(frame, 1, frame.length - 1);
        Object control;
        Object message = NO_MESSAGE;
        try {
            TermDecoder decoder = new TermDecoder(dist.table(), dist.maxFrameBytes());
            control = decoder.decodeVersioned(b);
            if (b.hasRemaining()) message = decoder.decodeVersioned(b);
            if (b.hasRemaining()) throw new TermFormatException(b.remaining() + " bytes after the message");
        } catch (TermFormatException | procshell.runtime.node.SystemLimitException e) {
            dist.malformed(this, e.getMessage());
            return false;
        }
        if (!(control instanceof Tuple t) || t.size() == 0 || !(t.get(0) instanceof Integer)) {
            dist.malformed(this, "control message " + control + " is no tuple starting with an operation");
            return false;
        }
        try {
            dist.dispatch(this, t, message);
        } catch (RuntimeException e) {
            dist.malformed(this, "control message " + t + " is invalid (" + e + ")");
            return false;
        }
        return true;
    }

    /**
     * Sends a control message and, unless {@link #NO_MESSAGE}, a message. Encoding happens before
     * anything is written, so a term that cannot be sent leaves the connection intact.
     *
     * @throws TermFormatException when {@code message} holds something that is no Erlang term
     */
    void send(Tuple control, Object message) {
        TermEncoder enc = new TermEncoder(dist.table());
        byte[] c = enc.encode(control);
        write(c, message == NO_MESSAGE ? null : enc.encode(message));
    }

    /**
     * Sends a signal that must go out whatever it holds (an exit reason): what is no term is
     * written as its inspected text.
     *
     * @return the inspected texts that stand for what was no term (empty when all was)
     */
    java.util.List<String> sendSignal(Tuple control) {
        TermEncoder enc = new TermEncoder(dist.table(), true);
        write(enc.encode(control), null);
        return enc.replaced();
    }

    private void write(byte[] c, byte[] m) {
        int len = 1 + c.length + (m == null ? 0 : m.length);
        try {
            synchronized (out) {
                out.writeInt(len);
                out.write(PASS_THROUGH);
                out.write(c);
                if (m != null) out.write(m);
                out.flush();
            }
            lastWrite = System.nanoTime();
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        }
    }

    /**
     * One tick period passed: sends a tick when nothing was written for {@code periodNanos}, and
     * reports true when nothing was read for {@code timeoutNanos} (the other node is gone).
     */
    boolean tick(long periodNanos, long timeoutNanos) {
        long now = System.nanoTime();
        if (now - lastRead > timeoutNanos) return true;
        if (now - lastWrite >= periodNanos) {
            try {
                synchronized (out) {
                    out.writeInt(0);
                    out.flush();
                }
                lastWrite = now;
            } catch (IOException e) {
                close("tick failed: " + e.getMessage());
            }
        }
        return false;
    }

    /** Closes the socket; the distribution then treats the node as down (once). */
    void close(String why) {
        if (closed) return;
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        dist.connectionClosed(this, why);
    }
}
