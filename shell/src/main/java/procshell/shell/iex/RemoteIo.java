package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * Output of a process whose group leader lives on another node (a call that node's shell made
 * here through {@code :rpc}, {@code :erpc} or {@code Node.spawn}): as the BEAM's {@code io} module
 * does, the text goes to that group leader as an Erlang I/O protocol request,
 * {@code {:io_request, self(), ref, {:put_chars, :unicode, text}}}, and the writer waits for its
 * {@code {:io_reply, ref, reply}} (or the group leader's death), so that it is printed in the
 * caller's shell, before the call's answer.
 */
final class RemoteIo {
    private static final Atom IO_REQUEST = Atom.of("io_request");
    private static final Atom IO_REPLY = Atom.of("io_reply");
    private static final Atom PUT_CHARS = Atom.of("put_chars");
    private static final Atom UNICODE = Atom.of("unicode");

    private RemoteIo() {}

    /**
     * Writes {@code text} to the current process's group leader when that is a process of another
     * node.
     *
     * @return true when the text went there; false when the group leader is on this node (or the
     *         caller is no process), and the caller prints it itself
     */
    static boolean putChars(String text) {
        ProcessContext self = ProcessContext.current();
        if (self == null) return false;
        Pid leader = ProcessFlags.groupLeader(self.process());
        if (leader == null || !self.node().isRemote(leader)) return false;
        Ref ref = self.monitor(leader);
        self.send(leader, Tuple.of(IO_REQUEST, self.self(), ref, Tuple.of(PUT_CHARS, UNICODE, text)));
        self.receive(m -> m instanceof Tuple t && ((t.isTagged(IO_REPLY, 3) && ref.equals(t.get(1)))
                || (t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))), -1);
        self.demonitor(ref, true);
        return true;
    }
}
