package procshell.runtime.observe;

import java.net.InetSocketAddress;

import procshell.runtime.node.Pid;

/**
 * One open port of a node as an observer's Ports tab lists it (observer's Ports tab, observer_cli's
 * inet view): a TCP socket of {@code :gen_tcp}, the distribution's listener and its connections to
 * other nodes, or the registration with the port mapper.
 *
 * @param id        the port as it prints ({@code #Port<0.5>}), or {@code -} when the runtime has no port term for it
 * @param type      what it is: {@code tcp listen}, {@code tcp}, {@code dist listen}, {@code dist}, {@code epmd}
 * @param owner     the controlling process, or null
 * @param local     this end's address, or null
 * @param peer      the other end's address, or null (a listening socket)
 * @param state     {@code listen} or {@code connected}
 * @param bytesIn   bytes read so far, -1 when the runtime does not count them
 * @param bytesOut  bytes written so far, -1 when the runtime does not count them
 * @param closer    closes it as {@code Port.close/1} would, or null when it may not be closed from an observer
 */
public record OpenPort(String id, String type, Pid owner, InetSocketAddress local, InetSocketAddress peer, String state,
        long bytesIn, long bytesOut, Runnable closer) {
    /** {@code 127.0.0.1:4000} as {@code :inet.ntoa} and the port write it; {@code -} for none. */
    public static String address(InetSocketAddress a) {
        if (a == null) return "-";
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
