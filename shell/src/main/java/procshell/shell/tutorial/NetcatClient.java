package procshell.shell.tutorial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * What a chapter's {@code nc> } lines do when a chapter runs without a person: the part of a
 * person typing into {@code nc 127.0.0.1 PORT} in another terminal, played by a Java socket.
 * {@code nc> text} connects (once) to 127.0.0.1 on the port held by the shell variable
 * {@code port}, sends the text and a newline, and prints the line it reads back (nothing when
 * the server closed the connection; a new {@code nc>} line then connects again);
 * {@code nc> ^C} (or {@code ^D}) closes the connection, as leaving nc does.
 */
final class NetcatClient implements AutoCloseable {
    /** The prefix of a client line in a chapter's session block. */
    static final String PREFIX = "nc> ";
    /** The lines that close the client: Ctrl-C leaves nc, Ctrl-D does with {@code nc -N}. */
    private static final java.util.Set<String> QUIT = java.util.Set.of("^C", "^D");
    private static final int REPLY_TIMEOUT_MS = 10_000;

    private Socket socket;
    private BufferedReader in;

    static boolean isClientLine(String input) {
        return input.startsWith(PREFIX);
    }

    /**
     * Plays one {@code nc> } line, printing it and what came back to {@code out}.
     *
     * @param port the server's port, or null when the shell has no {@code port} variable
     */
    void play(String line, Integer port, PrintWriter out) {
        String text = line.substring(PREFIX.length());
        out.println(line);
        if (QUIT.contains(text)) {
            quit();
            return;
        }
        if (socket == null) {
            if (port == null) {
                out.println("(nc: the chapter's shell has no variable `port` to connect to)");
                return;
            }
            try {
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(REPLY_TIMEOUT_MS);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.println("(nc: " + e.getMessage() + ")");
                close();
                return;
            }
        }
        try {
            OutputStream o = socket.getOutputStream();
            o.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            o.flush();
            String reply = in.readLine();
            if (reply == null) close();
            else out.println(reply);
        } catch (SocketTimeoutException e) {
            out.println("(nc: no reply within " + REPLY_TIMEOUT_MS / 1000 + " s)");
        } catch (IOException e) {
            // reset by a server that had closed the connection: nc just ends, printing nothing
            close();
        }
        out.flush();
    }

    /**
     * Leaves nc: closes the sending side, then waits (up to {@link #QUIT_WAIT_MS}) until the
     * server has closed its end, as the worker that owned the socket stops. The shell's next line
     * then waits for that worker's exit to reach its supervisor (the console's settling counts
     * exits in progress), so no pause of a person's is needed here.
     */
    private void quit() {
        try {
            if (socket != null) {
                socket.shutdownOutput();
                socket.setSoTimeout(QUIT_WAIT_MS);
                while (socket.getInputStream().read() >= 0) {
                    // what the server still sends, unread as nc's ^C drops it
                }
            }
        } catch (IOException e) {
            // reset, or no close within the wait: closed below either way
        }
        close();
    }

    /** How long leaving nc waits for the server to close its end of the connection. */
    private static final int QUIT_WAIT_MS = 2_000;

    @Override
    public void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closed already
        }
        socket = null;
        in = null;
    }
}
