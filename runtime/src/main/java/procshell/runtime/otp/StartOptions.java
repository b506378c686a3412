package procshell.runtime.otp;

import procshell.runtime.node.Atom;

/**
 * Options for {@link GenServer#start} and {@link GenServer#startLink}, as the keyword list of
 * {@code GenServer.start_link/3}.
 *
 * @param name      null, a local name atom, {@code {:global, term}} or {@code {:via, module, term}}
 * @param timeoutMs how long {@code init/1} may take in ms; negative for {@code :infinity}
 */
public record StartOptions(Object name, long timeoutMs) {
    /** No name, init may take forever (the default). */
    public static final StartOptions DEFAULT = new StartOptions(null, -1);

    /** Options with just a name. */
    public static StartOptions named(Object name) {
        return new StartOptions(name, -1);
    }

    /** True when the name is {@code {:global, term}}. */
    public boolean isGlobal() {
        return name instanceof procshell.runtime.node.Tuple t && t.isTagged(Atom.GLOBAL, 2);
    }
}
