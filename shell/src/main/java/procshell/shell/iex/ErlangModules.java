package procshell.shell.iex;

import java.util.Map;

import groovy.lang.GroovyObjectSupport;

/**
 * The Erlang modules reachable as {@code :mod.fun(...)} at the prompt. An unknown module gives an
 * object whose every call raises UndefinedFunctionError, as calling a missing module does.
 */
final class ErlangModules {
    private static final Map<String, Class<?>> MODULES = Map.ofEntries(
            Map.entry("atomics", ErlangAtomics.class),
            Map.entry("binary", ErlangBinary.class),
            Map.entry("counters", ErlangCounters.class),
            Map.entry("erlang", Erlang.class),
            Map.entry("erpc", Erpc.class),
            Map.entry("ets", Ets.class),
            Map.entry("gen_tcp", GenTcp.class),
            Map.entry("global", Global.class),
            Map.entry("gproc", Gproc.class),
            Map.entry("inet", Inet.class),
            Map.entry("lists", ErlangLists.class),
            Map.entry("maps", ErlangMaps.class),
            Map.entry("math", ErlangMath.class),
            Map.entry("net_kernel", NetKernel.class),
            Map.entry("os", ErlangOs.class),
            Map.entry("persistent_term", ErlangPersistentTerm.class),
            Map.entry("pg", Pg.class),
            Map.entry("queue", ErlangQueue.class),
            Map.entry("rand", ErlangRand.class),
            Map.entry("rpc", Rpc.class),
            Map.entry("sys", Sys.class),
            Map.entry("timer", ErlangTimer.class));

    private ErlangModules() {}

    /** Every available module by name (without the colon), for completion and h(). */
    static Map<String, Class<?>> modules() {
        return MODULES;
    }

    static Object lookup(String module) {
        Class<?> c = MODULES.get(module);
        return c != null ? c : new Missing(module);
    }

    /** A module that is not available: any call fails as the BEAM's does. */
    private static final class Missing extends GroovyObjectSupport {
        private final String module;

        Missing(String module) {
            this.module = module;
        }

        @Override
        public Object invokeMethod(String name, Object args) {
            Object[] argv = args instanceof Object[] a ? a : new Object[] {args};
            throw UndefinedFunctionError.moduleNotAvailable(procshell.runtime.node.Atom.of(module), name, argv);
        }
    }
}
