package procshell.runtime.dist;

/**
 * The constants of the Erlang Port Mapper Daemon's protocol (erl_dist_protocol, "EPMD
 * Protocol"): every request is a 2-byte length and the request; the answers below.
 */
final class Epmd {
    /** The port EPMD listens on unless {@code ERL_EPMD_PORT} says otherwise. */
    static final int DEFAULT_PORT = 4369;
    static final int ALIVE2_REQ = 120;
    static final int ALIVE2_RESP = 121;
    static final int ALIVE2_X_RESP = 118;
    static final int PORT_PLEASE2_REQ = 122;
    static final int PORT2_RESP = 119;
    static final int NAMES_REQ = 110;
    /** Node type of a normal (not hidden) Erlang node. */
    static final int NODE_TYPE_NORMAL = 77;
    static final int PROTOCOL_TCP = 0;
    static final int HIGHEST_VERSION = 6;
    static final int LOWEST_VERSION = 6;
    /** The longest request accepted by the embedded port mapper: a name is at most 255 bytes. */
    static final int MAX_REQUEST = 1024;

    private Epmd() {}

    /** The EPMD port: {@code ERL_EPMD_PORT} from the environment when set and valid, else 4369. */
    static int portFromEnvironment() {
        String env = System.getenv("ERL_EPMD_PORT");
        if (env != null) {
            try {
                int p = Integer.parseInt(env.trim());
                if (p > 0 && p < 65536) return p;
            } catch (NumberFormatException ignored) {
                // fall back to the default, as erl does
            }
        }
        return DEFAULT_PORT;
    }
}
