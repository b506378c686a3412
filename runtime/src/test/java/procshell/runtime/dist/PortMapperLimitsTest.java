package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The port mapper a procshell node serves, against clients that connect and say nothing (issue 21,
 * item 4): beyond {@link PortMapper#MAX_CONNECTIONS} a connection is closed at once, and a silent
 * one is closed after {@link PortMapper#REQUEST_TIMEOUT_MS}, so idle clients cannot exhaust the
 * JVM's file descriptors.
 */
@Timeout(60)
class PortMapperLimitsTest {
    @Test
    void idleConnectionsAreCappedAndTimedOut() throws IOException, InterruptedException {
        try (PortMapper mapper = PortMapper.start(0)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < PortMapper.MAX_CONNECTIONS; i++) idle.add(connect(mapper));
                Thread.sleep(200); // every one of them is being served
                try (Socket extra = connect(mapper)) {
                    assertEquals(-1, readOrTimeout(extra, 10_000), "a connection beyond the cap is closed at once");
                }
                assertEquals(-1, readOrTimeout(idle.get(0), 30_000), "a silent connection is closed after the request timeout");
            } finally {
                for (Socket s : idle) s.close();
            }
        }
    }

    private static Socket connect(PortMapper mapper) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), mapper.port());
    }

    /** What a read gives: -1 at the peer's close, -2 when nothing came in {@code ms}. */
    private static int readOrTimeout(Socket s, int ms) throws IOException {
        s.setSoTimeout(ms);
        InputStream in = s.getInputStream();
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }
}
