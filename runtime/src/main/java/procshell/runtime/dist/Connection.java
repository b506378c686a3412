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
 * One established connection to another node: 4-byte-length frames, each a header, a control
 * message and, for sends, the message, both in the external term format; a frame of length 0 is a
 * tick. With a node that takes fragments (OTP 22+'s {@code DFLAG_FRAGMENTS}, every BEAM node) the
 * header is the distribution header and a message over {@link #FRAGMENT_SIZE} goes out in fragments
 * of that size, each its own frame, so that other senders' frames pass between them as the BEAM
 * lets them; otherwise the header is the pass-through byte (112) and every message one frame. A
 * frame over the size limit, or one that does not decode, closes this connection (and only this
 * one) with a log line.
 */
final class Connection {
    /** Marks a frame that carries no message after its control message. */
    static final Object NO_MESSAGE = new Object();
    /** The size of a fragment's data, as the BEAM's ({@code ERTS_DIST_FRAGMENT_SIZE}, 64 KiB). */
    static final int FRAGMENT_SIZE = 64 * 1024;

    /** Fair, so that a sender between two fragments of a large message waits no longer than its turn. */
    private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock(true);
    private final java.util.concurrent.atomic.AtomicLong sequences = new java.util.concurrent.atomic.AtomicLong();
    private final Defragmenter defragmenter;

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
        this.defragmenter = new Defragmenter(dist.maxFrameBytes());
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

    /** True when the other node takes distribution headers and fragmented messages (OTP 22+). */
    boolean fragments() {
        return (flags & DistFlags.FRAGMENTS) != 0;
    }

    /** True when the other node takes messages sent to a process alias (OTP 24+). */
    boolean aliases() {
        return (flags & DistFlags.ALIAS) != 0;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Starts reading frames on a platform thread of its own: the kernel wakes it straight when a
     * frame comes, where a virtual thread waits for the JDK's poller thread to see the socket ready
     * and then for a carrier, two more thread hand-offs on every message (measured: a call between
     * two procshell nodes took 35-50% longer with a virtual reader).
     */
    void start() {
        Thread.ofPlatform().daemon().name("procshell-dist-" + peer.name()).start(this::readLoop);
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
        Object control;
        Object message = NO_MESSAGE;
        try {
            Defragmenter.Body body = defragmenter.take(frame);
            if (body == null) return true; // a fragment of a message not yet whole
            ByteBuffer b = body.bytes();
            TermDecoder decoder = new TermDecoder(dist.table(), dist.maxFrameBytes());
            control = body.versioned() ? decoder.decodeVersioned(b) : decoder.decodeBare(b);
            if (b.hasRemaining()) message = body.versioned() ? decoder.decodeVersioned(b) : decoder.decodeBare(b);
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
        TermEncoder enc = new TermEncoder(dist.table()).to(peer);
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
        TermEncoder enc = new TermEncoder(dist.table(), true).to(peer);
        write(enc.encode(control), null);
        return enc.replaced();
    }

    /**
     * Writes one control message and its message ({@code m} null for none), both as encoded with
     * their version byte: one frame, or with a node that takes fragments a distribution header and,
     * past {@link #FRAGMENT_SIZE}, a sequence of fragments. The lock is let go between fragments.
     */
    private void write(byte[] c, byte[] m) {
        try {
            if (!fragments()) {
                frame(new byte[] {(byte) Defragmenter.PASS_THROUGH}, c, 0, c.length, m, 0, m == null ? 0 : m.length);
                return;
            }
            int cLen = c.length - 1;
            int mLen = m == null ? 0 : m.length - 1;
            long total = (long) cLen + mLen;
            if (total <= FRAGMENT_SIZE || m == null) {
                frame(new byte[] {(byte) ExtTag.VERSION, Defragmenter.DIST_HEADER, 0}, c, 1, cLen, m, 1, mLen);
                return;
            }
            // the control message goes whole in the first fragment; the message fills the rest
            int first = Math.max(0, FRAGMENT_SIZE - cLen);
            long count = 1 + (mLen - first + FRAGMENT_SIZE - 1) / FRAGMENT_SIZE;
            long seq = sequences.incrementAndGet();
            frame(fragmentHeader(Defragmenter.DIST_FRAG_HEADER, seq, count, true), c, 1, cLen, m, 1, first);
            int at = 1 + first;
            for (long frag = count - 1; frag >= 1; frag--) {
                int n = (int) Math.min(FRAGMENT_SIZE, m.length - at);
                frame(fragmentHeader(Defragmenter.DIST_FRAG_CONT, seq, frag, false), m, at, n, null, 0, 0);
                at += n;
            }
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        }
    }

    private static byte[] fragmentHeader(int tag, long seq, long frag, boolean first) {
        ByteBuffer h = ByteBuffer.allocate(first ? 19 : 18);
        h.put((byte) ExtTag.VERSION).put((byte) tag).putLong(seq).putLong(frag);
        if (first) h.put((byte) 0); // no atom cache references
        return h.array();
    }

    /** Writes one frame: the header, then the given ranges of {@code a} and {@code b}. */
    private void frame(byte[] header, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) throws IOException {
        writing.lock();
        try {
            out.writeInt(header.length + aLen + bLen);
            out.write(header);
            out.write(a, aOff, aLen);
            if (bLen > 0) out.write(b, bOff, bLen);
            out.flush();
        } finally {
            writing.unlock();
        }
        lastWrite = System.nanoTime();
    }

    /**
     * One tick period passed: sends a tick when nothing was written for {@code periodNanos}, and
     * reports true when nothing was read for {@code timeoutNanos} (the other node is gone).
     */
    boolean tick(long periodNanos, long timeoutNanos) {
        long now = System.nanoTime();
        if (now - lastRead > timeoutNanos) return true;
        if (now - lastWrite >= periodNanos) {
            writing.lock();
            try {
                out.writeInt(0);
                out.flush();
                lastWrite = now;
            } catch (IOException e) {
                close("tick failed: " + e.getMessage());
            } finally {
                writing.unlock();
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
