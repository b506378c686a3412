package procshell.shell.eval;

/**
 * Groovy's runtime (not its compiler), loaded once per JVM on a daemon thread of its own: every fn
 * is a Closure, whose construction asks Groovy's metaclass registry for its metaclass, and
 * overloaded calls go through Groovy's dispatch, so the first of either waits until the registry
 * is built (about 0.1 s of CPU with the class-data cache, 0.3-0.5 s without). An interactive
 * session starts it as the JVM starts ({@code cli/Main}, {@link #startBeforeThePrompt}), beside
 * the node's start and the terminal's opening, so that a fn typed as a person's second input finds
 * it loaded; a piped console or a test's shell starts it with the prompt's warm-up
 * ({@link PromptWarmUp}).
 */
public final class GroovyRuntime {
    private static final Thread LOADING = new Thread(GroovyRuntime::load, "procshell-groovy-runtime");

    static {
        LOADING.setDaemon(true);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private GroovyRuntime() {}

    /** True when the load started as the JVM did, before any prompt: it walks the prompt's first round too. */
    private static volatile boolean beforeThePrompt;

    /** Starts loading Groovy's runtime in the background; later calls do nothing. */
    public static void startLoading() {
        if (STARTED.compareAndSet(false, true)) LOADING.start();
    }

    /**
     * As an interactive JVM starts, beside the node's start and the terminal's opening: starts
     * loading Groovy's runtime, then, on the same thread, walks the prompt warm-up's first round of
     * typical inputs ({@link PromptWarmUp#firstRound}) before the first prompt shows.
     */
    public static void startBeforeThePrompt() {
        beforeThePrompt = true;
        startLoading();
    }

    /**
     * Returns once Groovy's runtime is loaded (starting its load if nobody did), and the first
     * round walked after it when the load started before the prompt.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    static void awaitLoaded() throws InterruptedException {
        startLoading();
        LOADING.join();
    }

    private static void load() {
        try {
            groovy.lang.Closure<Object> identity = new groovy.lang.Closure<Object>(null) {
                @SuppressWarnings("unused")
                public Object doCall(Object x) {
                    return x;
                }
            };
            identity.call(1);
            org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(Math.class, "max", new Object[] {1, 2});
            for (String name : FN_CLASSES) prepare(Class.forName(name));
        } catch (Throwable e) {
            // a warm-up only: the first real use loads what is missing
        }
        InputTrace.mark("groovy-runtime-loaded");
        if (beforeThePrompt) PromptWarmUp.firstRound();
    }

    /**
     * The classes of the fns a person makes at the prompt: a fn written there, a capture of a
     * named function, a fn of a module's function. Groovy builds the cached class and the
     * metaclass of each Closure class when its first instance is made (reflecting over its
     * methods): 5-6 ms of CPU in the first fn input of a session with the class-data cache, 20 ms
     * without; made here, beside the JVM's start, it is 0.6-1.3 ms.
     */
    static final java.util.List<String> FN_CLASSES = java.util.List.of(
            "procshell.shell.elixir.compiler.DirectFun",
            "procshell.shell.iex.CapturedFun",
            "procshell.shell.elixir.compiler.CompiledFn");

    private static void prepare(Class<?> closure) {
        org.codehaus.groovy.reflection.ReflectionCache.getCachedClass(closure);
        groovy.lang.GroovySystem.getMetaClassRegistry().getMetaClass(closure);
    }
}
