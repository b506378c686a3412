package procshell.runtime.dist;

/**
 * How a node takes part in distribution.
 *
 * @param cookie        the magic cookie (see {@link Cookie#resolve})
 * @param epmdPort      the port mapper's port ({@code ERL_EPMD_PORT}, default 4369)
 * @param netTickTimeMs the net tick time in ms, as {@code -kernel net_ticktime} (60000 by
 *                      default): a tick goes out every quarter of it, and a node silent for the whole
 *                      of it is down
 * @param maxFrameBytes the largest frame, or message put together from fragments, accepted from
 *                      another node, in bytes
 * @param preventOverlappingPartitions as {@code -kernel prevent_overlapping_partitions} (OTP 25's
 *                      default true): when this node loses a connection, {@code :global} tells the
 *                      other nodes, which then disconnect from the lost node, and it acts on such
 *                      news from the others; false by default only when the system property
 *                      {@value #PREVENT_OVERLAPPING_PARTITIONS} is {@code false}
 */
public record DistOptions(String cookie, int epmdPort, long netTickTimeMs, int maxFrameBytes, boolean preventOverlappingPartitions) {
    /**
     * The system property that sets {@link #preventOverlappingPartitions}'s default, as the BEAM's
     * {@code -kernel prevent_overlapping_partitions false} (e.g.
     * {@code PROCSHELL_JAVA_OPTS=-Dprocshell.kernel.prevent_overlapping_partitions=false}).
     */
    public static final String PREVENT_OVERLAPPING_PARTITIONS = "procshell.kernel.prevent_overlapping_partitions";
    /** The BEAM's net tick time: 60 s. */
    public static final long DEFAULT_NET_TICK_TIME_MS = 60_000;
    /**
     * Messages up to 256 MiB, whether they come whole (a node that sends no fragments) or in
     * fragments, as a BEAM node sends a large message (70 MB) to this one.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 256 << 20;

    /** Checks the values. */
    public DistOptions {
        if (cookie == null || cookie.isEmpty()) throw new IllegalArgumentException("a cookie is needed");
        if (epmdPort <= 0 || epmdPort > 65535) throw new IllegalArgumentException("bad port mapper port " + epmdPort);
        if (netTickTimeMs < 400) throw new IllegalArgumentException("net tick time under 400 ms");
        if (maxFrameBytes < 1024) throw new IllegalArgumentException("frame limit under 1 KiB");
    }

    /** The defaults with {@code cookie}: the port mapper from {@code ERL_EPMD_PORT}, 60 s ticks, 256 MiB frames. */
    public static DistOptions of(String cookie) {
        return new DistOptions(cookie, EpmdClient.defaultPort(), DEFAULT_NET_TICK_TIME_MS, DEFAULT_MAX_FRAME_BYTES,
                !"false".equals(System.getProperty(PREVENT_OVERLAPPING_PARTITIONS)));
    }

    /** These options with another port mapper port. */
    public DistOptions withEpmdPort(int port) {
        return new DistOptions(cookie, port, netTickTimeMs, maxFrameBytes, preventOverlappingPartitions);
    }

    /** These options with another net tick time, in ms. */
    public DistOptions withNetTickTime(long ms) {
        return new DistOptions(cookie, epmdPort, ms, maxFrameBytes, preventOverlappingPartitions);
    }

    /** These options with another frame limit, in bytes. */
    public DistOptions withMaxFrameBytes(int bytes) {
        return new DistOptions(cookie, epmdPort, netTickTimeMs, bytes, preventOverlappingPartitions);
    }

    /** These options with {@code prevent_overlapping_partitions} on or off. */
    public DistOptions withPreventOverlappingPartitions(boolean on) {
        return new DistOptions(cookie, epmdPort, netTickTimeMs, maxFrameBytes, on);
    }
}
