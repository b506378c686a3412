package procshell.runtime.dist;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the distribution header of incoming frames once both nodes have agreed on
 * {@code DFLAG_FRAGMENTS} (erl_ext_dist, "Distribution Header" and "Distribution Header for
 * fragmented messages", OTP 22+), and puts fragmented messages back together.
 *
 * <p>A frame is then {@code 131 'D' 0 Control Message} (whole), {@code 131 'E' SeqId FragId 0 Data}
 * (the first of FragId fragments) or {@code 131 'F' SeqId FragId Data} (a continuation; FragId
 * counts down to 1, the last). The terms carry no version byte of their own. Fragments of several
 * senders (sequence ids) may interleave with each other and with whole messages. This node offers no
 * atom cache, so a header naming cached atoms is a protocol error. A pass-through frame (112) is
 * taken as well.
 *
 * <p>One per connection; used by its reading thread only.
 */
final class Defragmenter {
    static final int PASS_THROUGH = 112;
    static final int DIST_HEADER = 'D';
    static final int DIST_FRAG_HEADER = 'E';
    static final int DIST_FRAG_CONT = 'F';

    /** A message being put back together. */
    private static final class Assembly {
        byte[] data;
        int size;
        long next;

        void append(ByteBuffer b, int limit) {
            int n = b.remaining();
            if ((long) size + n > limit) throw new TermFormatException("fragmented message exceeds the limit of " + limit + " bytes");
            if (size + n > data.length) data = java.util.Arrays.copyOf(data, (int) Math.min(limit, Math.max((long) data.length * 2, size + n)));
            b.get(data, size, n);
            size += n;
        }
    }

    /** What a frame held: its terms, bare or versioned, ready to decode. */
    record Body(ByteBuffer bytes, boolean versioned) {}

    private final Map<Long, Assembly> inFlight = new HashMap<>();
    private final int limit;

    /** @param limit the largest message, in bytes, once put together */
    Defragmenter(int limit) {
        this.limit = limit;
    }

    /**
     * Takes one frame (its length prefix already read).
     *
     * @return the control message and message to decode, or null when the frame was a fragment that
     *         does not complete its message yet
     * @throws TermFormatException when the frame breaks the protocol (an unknown header, a cached
     *         atom, a continuation of no sequence or out of order)
     */
    Body take(byte[] frame) {
        int kind = frame[0] & 0xff;
        if (kind == PASS_THROUGH) return new Body(ByteBuffer.wrap(frame, 1, frame.length - 1), true);
        if (kind != ExtTag.VERSION || frame.length < 3) throw new TermFormatException("frame type " + kind + ", expected a distribution header");
        ByteBuffer b = ByteBuffer.wrap(frame, 2, frame.length - 2);
        switch (frame[1]) {
            case DIST_HEADER -> {
                noAtomCache(b);
                return new Body(b.slice(), false);
            }
            case DIST_FRAG_HEADER -> {
                need(b, 17);
                long seq = b.getLong();
                long frag = b.getLong();
                noAtomCache(b);
                if (frag < 1) throw new TermFormatException("fragment id " + frag);
                if (frag == 1) return new Body(b.slice(), false);
                if (inFlight.containsKey(seq)) throw new TermFormatException("sequence " + seq + " started twice");
                Assembly a = new Assembly();
                // fragments are of one size: room for all of them, within reason until they come
                a.data = new byte[(int) Math.min(Math.min(limit, 16 << 20), (long) b.remaining() * frag + 64)];
                a.next = frag - 1;
                a.append(b, limit);
                inFlight.put(seq, a);
                return null;
            }
            case DIST_FRAG_CONT -> {
                need(b, 16);
                long seq = b.getLong();
                long frag = b.getLong();
                Assembly a = inFlight.get(seq);
                if (a == null) throw new TermFormatException("continuation of unknown sequence " + seq);
                if (frag != a.next) throw new TermFormatException("fragment " + frag + " of sequence " + seq + " where " + a.next + " was due");
                a.append(b, limit);
                if (frag > 1) {
                    a.next = frag - 1;
                    return null;
                }
                inFlight.remove(seq);
                return new Body(ByteBuffer.wrap(a.data, 0, a.size), false);
            }
            default -> throw new TermFormatException("distribution header tag " + (frame[1] & 0xff));
        }
    }

    /** How many messages are half received, for tests. */
    int pending() {
        return inFlight.size();
    }

    private static void noAtomCache(ByteBuffer b) {
        need(b, 1);
        int refs = b.get() & 0xff;
        if (refs != 0) throw new TermFormatException(refs + " atom cache references, but no atom cache was agreed on");
    }

    private static void need(ByteBuffer b, int n) {
        if (b.remaining() < n) throw new TermFormatException("distribution header cut short");
    }
}
