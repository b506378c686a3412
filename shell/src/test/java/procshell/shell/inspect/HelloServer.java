package procshell.shell.inspect;

/**
 * Stands for a class typed at the prompt, so that stack frames naming it get their arity
 * ({@code iex:5: HelloServer.handle_call/3}).
 */
final class HelloServer {
    Object init(Object id) {
        return id;
    }

    Object handle_call(Object request, Object from, Object state) {
        return state;
    }

    Object handle_cast(Object request, Object state) {
        return state;
    }

    /** A frame of this class, as a typed class's frame looks (file {@code iex_N.groovy}). */
    static StackTraceElement frame(String method, int line) {
        return new StackTraceElement(HelloServer.class.getName(), method, "iex_3.groovy", line);
    }

    /**
     * An exception raised by callback {@code method} at {@code iex:line}, with the frames of the
     * runtime's server loop below it, as a server process's stack has them.
     */
    static <T extends Throwable> T raisedIn(T e, String method, int line) {
        String callback = switch (method) {
            case "handle_call" -> "handleCall";
            case "handle_cast" -> "handleCast";
            case "handle_info" -> "handleInfo";
            default -> method;
        };
        e.setStackTrace(new StackTraceElement[] {
            frame(method, line),
            new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", 104),
            new StackTraceElement("org.codehaus.groovy.runtime.InvokerHelper", "invokeMethod", "InvokerHelper.java", 618),
            new StackTraceElement("procshell.shell.iex.CallbackServer", "invoke", "CallbackServer.java", 47),
            new StackTraceElement("procshell.shell.iex.CallbackServer", callback, "CallbackServer.java", 67),
            new StackTraceElement("procshell.runtime.otp.GenServer", method.equals("init") ? "runServer" : "loop", "GenServer.java", 493),
            new StackTraceElement("procshell.runtime.otp.GenServer", "run", "GenServer.java", 367),
            new StackTraceElement("procshell.runtime.node.Node", "run", "Node.java", 143),
            new StackTraceElement("java.lang.VirtualThread", "run", "VirtualThread.java", 460),
        });
        return e;
    }

    /** An exception whose stack is the one frame {@code iex:line} of {@code method}, as in an Elixir test term. */
    static <T extends Throwable> T raisedOnlyIn(T e, String method, int line) {
        e.setStackTrace(new StackTraceElement[] {frame(method, line)});
        return e;
    }
}
