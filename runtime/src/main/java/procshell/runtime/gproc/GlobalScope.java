package procshell.runtime.gproc;

import java.util.List;

/**
 * What answers gproc's functions for global keys ({@code {type, :g, name}}), as gproc_dist does
 * across a cluster. A node has none until distribution installs one with
 * {@link Gproc#installGlobalScope}; until then every global key fails with gproc's
 * {@code :local_only} error.
 */
@FunctionalInterface
public interface GlobalScope {
    /**
     * Runs one gproc function for a global key, in the calling process.
     *
     * @param function gproc's function name, e.g. {@code "reg"}, {@code "where"}, {@code "send"}
     * @param args     its arguments as gproc takes them (the key first)
     * @return what gproc's function returns
     */
    Object apply(String function, List<Object> args);
}
