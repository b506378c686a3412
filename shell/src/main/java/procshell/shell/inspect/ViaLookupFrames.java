package procshell.shell.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack lines iex prints under an error raised while a {@code {:via, module, name}} name was
 * looked up, below the via module's own {@code whereis_name/1} line: whoever looked it up, as
 * Elixir 1.14 on OTP 25 names them. {@code GenServer.whereis/1} gives
 * {@code (elixir 1.14.0) lib/gen_server.ex:1214: GenServer.whereis/1}, {@code GenServer.call/3}
 * (and {@code Agent.get/3}, which calls it) that line and
 * {@code (elixir 1.14.0) lib/gen_server.ex:1025: GenServer.call/3}, a start with the name
 * ({@code GenServer.start_link/3}, {@code Agent.start_link/2}) {@code (stdlib 4.2) gen.erl:105: :gen.start/6}.
 * The runtime and the shell's facades raise the error from their own Java frames; this finds which
 * of those functions they were.
 */
final class ViaLookupFrames {
    private static final String WHEREIS = StackFormatter.ELIXIR + "lib/gen_server.ex:1214: GenServer.whereis/1";
    private static final String GEN_SERVER = "procshell.runtime.otp.GenServer";
    private static final String GEN_SERVER_FACADE = "procshell.shell.iex.GenServer";
    private static final String MODULE_VIA = "procshell.shell.iex.ModuleVia";
    private static final String MODULES = "procshell.shell.iex.Modules";

    private ViaLookupFrames() {}

    /**
     * The lookup's lines for an error a session module's {@code whereis_name/1} could not be
     * called with (the module is not there, or does not export it).
     *
     * @param e an error raised at the prompt or in a process
     * @return the lines, innermost first; empty when {@code e} was not raised calling a via module's {@code whereis_name/1}
     */
    static List<String> of(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            String cls = stack[i].getClassName();
            if (cls.equals(e.getClass().getName()) || cls.equals(MODULES)) continue; // the error made, Modules.apply raising it
            return cls.equals(MODULE_VIA) && stack[i].getMethodName().equals("whereisName") ? callers(stack, i + 1) : List.of();
        }
        return List.of();
    }

    /**
     * Who looked a via name up, from the frames under the via module's {@code whereisName}.
     *
     * @param stack the Java stack of the error
     * @param from  the first frame under the via module's
     * @return the lines, innermost first; empty when no known function looked the name up
     */
    static List<String> callers(StackTraceElement[] stack, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < stack.length; i++) {
            String cls = stack[i].getClassName();
            String method = stack[i].getMethodName();
            if (cls.equals(GEN_SERVER_FACADE) && method.equals("whereis")) {
                out.add(WHEREIS);
                break;
            }
            if (cls.equals(GEN_SERVER) && method.equals("call")) {
                out.add(WHEREIS);
                out.add(StackFormatter.ELIXIR + "lib/gen_server.ex:1025: GenServer.call/3");
                break;
            }
            if (cls.equals(GEN_SERVER) && method.equals("start")) {
                out.add(StackFormatter.STDLIB + "gen.erl:105: :gen.start/6");
                break;
            }
        }
        return out;
    }
}
