package procshell.runtime.bench;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;

/**
 * Whether {@code :global} names work on a node. {@code :global} comes from another part of the
 * runtime ({@code procshell.runtime.global}, built in parallel with the benchmarks): when that
 * package is there, its {@code Global.install(node)} is called (looked up by name, so the
 * benchmarks build with or without it); otherwise the figures are printed as skipped.
 */
final class Global {
    private Global() {}

    /** Null when {@code {:global, name}} works on {@code node} (installing it if need be), else why not (one word). */
    static String missing(Node node) {
        try {
            Class.forName("procshell.runtime.global.Global").getMethod("install", Node.class).invoke(null, node);
        } catch (ReflectiveOperationException | LinkageError notThere) {
            // no procshell.runtime.global yet: maybe the node has a :global via module of its own
        }
        return node.registeredVia(Atom.GLOBAL) != null ? null : "global_not_in_runtime";
    }
}
