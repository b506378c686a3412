package procshell.shell.console;

import java.io.IOException;
import java.io.UncheckedIOException;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.dist.Distribution;
import procshell.runtime.global.Global;
import procshell.runtime.dist.TermEncoder;
import procshell.runtime.node.Node;

/**
 * What a shell's node gets beyond the bare runtime: {@code :global} always (so that
 * {@code {:global, name}} works on a lone node, as on the BEAM), and the distribution when the
 * shell was started with a node name.
 */
final class ClusterStart {
    private ClusterStart() {}

    /**
     * Installs {@code :global} on {@code node}; with options, first makes the node distributed.
     *
     * @param options null for a node that is not distributed
     * @throws UncheckedIOException when the distribution cannot start (the name is in use, no
     *         port mapper can be reached or started), with the BEAM's words
     */
    static void distribute(Node node, DistOptions options) {
        // an erl_eval fun (a fn typed in iex) that arrives is a fn that runs here
        procshell.runtime.dist.TermDecoder.setFunReader(procshell.shell.elixir.erl.ErlEvalFuns::read);
        if (options != null) {
            // What the shell's values are on the wire: a class is its module atom, a GString a
            // binary, an exception its Elixir struct.
            TermEncoder.setFallback(o -> procshell.shell.inspect.WireTerms.toWire(node, o));
            try {
                Distribution.start(node, options).setSpawnHandler(new procshell.shell.iex.SpawnedCalls());
                new procshell.shell.iex.Rex().start(node);
            } catch (IOException e) {
                throw new UncheckedIOException("Protocol 'inet_tcp': could not start the distribution of "
                        + node.name().name() + ": " + e.getMessage(), e);
            }
        }
        Global.install(node);
    }
}
