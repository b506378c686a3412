package procshell.shell.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * Crash reports as Elixir 1.14's Logger prints them in iex (format {@code \n$time [$level] $message\n}):
 * the expected texts are those of {@code iex-reference/call_errors.txt} and {@code processes.txt},
 * times aside.
 */
class LogFormatterTest {
    static final Pid SERVER = new Pid(null, 0, 152, 0);
    static final Pid CLIENT = new Pid(null, 0, 108, 0);

    @BeforeAll
    static void install() {
        ShellTerms.install();
    }

    private static String format(String kind, Pid pid, Map<String, Object> report) {
        String text = LogFormatter.format(new NodeEvent.CrashReport(Atom.of(kind), pid, report), InspectOptions.DEFAULT);
        assertTrue(text.matches("(?s)\n\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[error\\] .*"), text);
        return text.substring(text.indexOf(" [error] ") + 1);
    }

    private static Map<String, Object> report(Object name, Object reason, Object last, Object state) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("module", Atom.of("Elixir.Srv"));
        r.put("name", name);
        r.put("reason", reason);
        r.put("last_message", last);
        r.put("state", state);
        return r;
    }

    @Test
    void aServerThatRaisedInHandleCallWhileItsClientWaits() {
        RuntimeException boom = HelloServer.raisedIn(new RuntimeException("boom"), "handle_call", 8);
        Map<String, Object> r = report(SERVER, Tuple.of(boom, List.of(boom.getStackTrace())), Atom.of("boom"), Atom.of("st"));
        r.put("client", CLIENT);
        r.put("client_alive", true);
        // a client pid of no node: its stack cannot be read, the call's own frames are shown
        assertEquals("""
                [error] GenServer #PID<0.152.0> terminating
                ** (RuntimeError) boom
                    iex:8: HelloServer.handle_call/3
                    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
                    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
                    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
                Last message (from #PID<0.108.0>): :boom
                State: :st
                Client #PID<0.108.0> is alive

                    (stdlib 4.2) gen.erl:256: :gen.do_call/4
                    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3""", format("gen_server", SERVER, r));
    }

    @Test
    void aDeadClient() {
        Map<String, Object> r = report(Atom.of("Elixir.HelloServer"), Atom.of("bad"), Atom.of("stop"), 1L);
        r.put("client", CLIENT);
        r.put("client_alive", false);
        assertEquals("""
                [error] GenServer HelloServer terminating
                ** (stop) :bad
                Last message (from #PID<0.108.0>): :stop
                State: 1
                Client #PID<0.108.0> is dead""", format("gen_server", SERVER, r));
    }

    @Test
    void aStopFromACastOrAnInfoHasNoClient() {
        assertEquals("""
                [error] GenServer #PID<0.130.0> terminating
                ** (stop) :bye
                Last message: :stop
                State: 2""", format("gen_server", new Pid(null, 0, 130, 0), report(new Pid(null, 0, 130, 0), Atom.of("bye"), Atom.of("stop"), 2L)));
        assertEquals("""
                [error] GenServer #PID<0.126.0> terminating
                ** (stop) bad return value: :oops
                Last message: :badret
                State: 2""", format("gen_server", new Pid(null, 0, 126, 0),
                report(new Pid(null, 0, 126, 0), Tuple.of(Atom.of("bad_return_value"), Atom.of("oops")), Atom.of("badret"), 2L)));
    }

    @Test
    void aServerThatRaisedInHandleCastOrHandleInfo() {
        IllegalArgumentException bad = HelloServer.raisedIn(new IllegalArgumentException("bad"), "handle_cast", 7);
        assertEquals("""
                [error] GenServer #PID<0.129.0> terminating
                ** (ArgumentError) bad
                    iex:7: HelloServer.handle_cast/2
                    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
                    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
                    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
                Last message: {:"$gen_cast", :crash}
                State: 3""", format("gen_server", new Pid(null, 0, 129, 0), report(new Pid(null, 0, 129, 0),
                Tuple.of(bad, List.of(bad.getStackTrace())), Tuple.of(Atom.of("$gen_cast"), Atom.of("crash")), 3L)));
    }

    @Test
    void anUnexpectedMessageIsFollowedByAnEmptyLine() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("module", Atom.of("Elixir.S"));
        r.put("name", new Pid(null, 0, 132, 0));
        r.put("message", Atom.of("unexpected"));
        assertEquals("[error] S #PID<0.132.0> received unexpected message in handle_info/2: :unexpected\n",
                format("unexpected_message", new Pid(null, 0, 132, 0), r));
    }

    @Test
    void aSpawnedFunctionThatRaised() {
        RuntimeException oops = new RuntimeException("oops");
        oops.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("procshell.shell.iex.Kernel", "raise", "Kernel.java", 240),
            new StackTraceElement("iex_10$_run_closure1", "doCall", "iex_10.groovy", 1),
            new StackTraceElement("groovy.lang.Closure", "call", "Closure.java", 450),
            new StackTraceElement("procshell.shell.iex.Kernel", "lambda$spawn$0", "Kernel.java", 145),
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("exception", oops);
        assertEquals("""
                [error] Process #PID<0.152.0> raised an exception
                ** (RuntimeError) oops
                    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7""", format("process", SERVER, r));
    }

    @Test
    void reportsLoggerDoesNotPrint() {
        assertNull(LogFormatter.format(new NodeEvent.CrashReport(Atom.of("supervisor_report"), SERVER, Map.of()), InspectOptions.DEFAULT),
                "supervisor reports (SASL) are off in iex by default");
        assertEquals(false, LogFormatter.prints(Atom.of("supervisor_report")));
        assertEquals(true, LogFormatter.prints(Atom.of("gen_server")));
    }
}
