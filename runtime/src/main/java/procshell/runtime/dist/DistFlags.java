package procshell.runtime.dist;

/**
 * The capability flags two nodes exchange in the distribution handshake (erl_dist_protocol,
 * "Distribution Flags"), and the set procshell offers.
 */
final class DistFlags {
    static final long PUBLISHED = 0x1;
    static final long EXTENDED_REFERENCES = 0x4;
    static final long DIST_MONITOR = 0x8;
    static final long FUN_TAGS = 0x10;
    static final long DIST_MONITOR_NAME = 0x20;
    static final long NEW_FUN_TAGS = 0x80;
    static final long EXTENDED_PIDS_PORTS = 0x100;
    static final long EXPORT_PTR_TAG = 0x200;
    static final long BIT_BINARIES = 0x400;
    static final long NEW_FLOATS = 0x800;
    static final long UNICODE_IO = 0x1000;
    static final long SMALL_ATOM_TAGS = 0x4000;
    static final long UTF8_ATOMS = 0x10000;
    static final long MAP_TAG = 0x20000;
    static final long BIG_CREATION = 0x40000;
    static final long HANDSHAKE_23 = 0x1000000;
    static final long UNLINK_ID = 0x2000000;
    static final long MANDATORY_25_DIGEST = 0x4000000;
    static final long EXIT_PAYLOAD = 0x400000;
    static final long FRAGMENTS = 0x800000;
    static final long SPAWN = 1L << 32;
    static final long V4_NC = 1L << 34;
    static final long ALIAS = 1L << 35;

    /** What OTP 25 and later refuse to connect without (its "mandatory 25" set). */
    static final long REQUIRED = EXTENDED_REFERENCES | FUN_TAGS | NEW_FUN_TAGS | EXTENDED_PIDS_PORTS
            | EXPORT_PTR_TAG | BIT_BINARIES | NEW_FLOATS | UTF8_ATOMS | MAP_TAG | BIG_CREATION | HANDSHAKE_23;

    /**
     * What procshell offers: the required set, monitors (by pid and by name), OTP 26's
     * UNLINK_ID, V4 pids/ports, spawn requests and fragmented messages (OTP 22's distribution
     * header, with no atom cache). No atom cache, no aliases: a peer then sends plain
     * SEND/REG_SEND and EXIT control messages, a large message in 64 KiB fragments.
     */
    static final long OFFERED = REQUIRED | PUBLISHED | DIST_MONITOR | DIST_MONITOR_NAME | UNICODE_IO
            | SMALL_ATOM_TAGS | UNLINK_ID | MANDATORY_25_DIGEST | V4_NC | SPAWN | FRAGMENTS;

    private DistFlags() {}

    /** The flags of {@link #REQUIRED} that {@code flags} lacks, in hex, or null when none is missing. */
    static String missing(long flags) {
        long m = REQUIRED & ~flags;
        if ((flags & MANDATORY_25_DIGEST) != 0) m = 0;
        return m == 0 ? null : "0x" + Long.toHexString(m);
    }
}
